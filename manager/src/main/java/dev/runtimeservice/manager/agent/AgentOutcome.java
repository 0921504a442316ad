package dev.runtimeservice.manager.agent;

import org.jspecify.annotations.Nullable;

/**
 * One agent after a launch or stop request, and what the request did to it.
 *
 * @param name the agent's name
 * @param action what was done
 * @param agent the agent's launch, or null when it was not running and nothing was done
 */
public record AgentOutcome(
        String name, LaunchAction action, @Nullable ManagedAgent agent) {}
