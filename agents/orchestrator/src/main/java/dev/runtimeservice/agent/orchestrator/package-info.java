/**
 * The orchestrator agent: a Spring Boot app on the agent SDK; discovery, routing and instructions live in
 * their own packages.
 */
@NullMarked
package dev.runtimeservice.agent.orchestrator;

import org.jspecify.annotations.NullMarked;
