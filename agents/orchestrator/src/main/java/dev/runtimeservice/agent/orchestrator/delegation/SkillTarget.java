package dev.runtimeservice.agent.orchestrator.delegation;

/**
 * The skill a call goes to.
 *
 * @param agent the agent's name
 * @param skill the skill's id
 * @param jsonRpcUrl the agent's A2A JSON-RPC endpoint, from its card
 */
public record SkillTarget(String agent, String skill, String jsonRpcUrl) {}
