/**
 * Keeping agents alive: the restart policy applied the moment a running agent's process ends on its own
 * (exponential backoff, a failure budget after which the agent is FAILED) and the liveness probe that kills an agent
 * that stopped answering.
 */
@NullMarked
package dev.runtimeservice.manager.agent.supervision;

import org.jspecify.annotations.NullMarked;
