/**
 * Delegation: calls any discovered agent's skill over A2A with the official A2A Java client, built in one place
 * ({@link dev.runtimeservice.agent.orchestrator.delegation.A2aClientFactory}), and builds the skill's input from an
 * instruction without any per-skill table.
 */
@NullMarked
package dev.runtimeservice.agent.orchestrator.delegation;

import org.jspecify.annotations.NullMarked;
