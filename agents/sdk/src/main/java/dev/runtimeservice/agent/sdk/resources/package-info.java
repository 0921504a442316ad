/**
 * The resources file written by the manager, and which of its resources the agent uses.
 */
@NullMarked
package dev.runtimeservice.agent.sdk.resources;

import org.jspecify.annotations.NullMarked;
