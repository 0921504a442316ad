/**
 * What an agent is (name, description, version) and which skills it offers; serves {@code GET /}.
 */
@NullMarked
package dev.runtimeservice.agent.sdk.identity;

import org.jspecify.annotations.NullMarked;
