/**
 * The orchestrator agent: a Spring Boot app on the agent SDK.
 */
@NullMarked
package dev.runtimeservice.agent.orchestrator;

import org.jspecify.annotations.NullMarked;
