/**
 * Agent SDK: the auto-configuration that gives any Spring Boot app the agent contract
 * ({@code /}, {@code /status}, {@code /shutdown}, the A2A agent card, health probes).
 *
 * <p>An agent app depends on {@code agent-sdk} and provides an
 * {@link dev.runtimeservice.agent.sdk.identity.AgentDescriptor}, zero or more
 * {@link dev.runtimeservice.agent.sdk.identity.AgentSkill} beans and zero or more
 * {@link dev.runtimeservice.agent.sdk.resources.ResourceConsumer} beans.
 */
@NullMarked
package dev.runtimeservice.agent.sdk;

import org.jspecify.annotations.NullMarked;
