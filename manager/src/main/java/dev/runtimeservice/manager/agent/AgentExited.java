package dev.runtimeservice.manager.agent;

import org.jspecify.annotations.Nullable;

/**
 * Published the moment a RUNNING agent's process ends without being asked to.
 *
 * @param agent the launch whose process ended
 * @param exitCode its exit code, or null when it is unknown: an adopted process is not this manager's child
 */
public record AgentExited(ManagedAgent agent, @Nullable Integer exitCode) {}
