package dev.runtimeservice.agent.sdk.identity;

/**
 * Who an agent is, as served by {@code GET /}; the SDK provides this bean.
 *
 * @param name name of the agent ({@code AGENT_NAME})
 * @param description what the agent does, from its {@link AgentDescriptor}
 * @param version version of the agent's build, or {@code "unknown"}
 */
public record AgentIdentity(String name, String description, String version) {}
