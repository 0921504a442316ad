/**
 * Agents as the manager sees them: one launch of an agent ({@link dev.runtimeservice.manager.agent.ManagedAgent}) and
 * its state, the registry of current launches with its per-agent locks and state file, and the
 * {@link dev.runtimeservice.manager.agent.AgentManager} that the API calls to launch, list and stop agents. What a
 * launch does is in the sub-packages: {@code catalog}, {@code launch}, {@code supervision}, {@code standby} and
 * {@code takeover}.
 */
@NullMarked
package dev.runtimeservice.manager.agent;

import org.jspecify.annotations.NullMarked;
