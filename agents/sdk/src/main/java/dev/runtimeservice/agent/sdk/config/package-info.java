/**
 * Agent configuration: the environment variables set by the manager and the defaults every agent starts with.
 */
@NullMarked
package dev.runtimeservice.agent.sdk.config;

import org.jspecify.annotations.NullMarked;
