package dev.runtimeservice.manager.agent;

/**
 * Published the moment a RUNNING agent's process ends without being asked to.
 *
 * @param agent the launch whose process ended
 * @param exitCode its exit code
 */
record AgentExited(ManagedAgent agent, int exitCode) {
}
