package dev.runtimeservice.agent.orchestrator.discovery;

import java.util.List;

/**
 * What the orchestrator keeps of an agent's A2A card.
 *
 * @param name the agent's name in its card
 * @param description what the agent says it does
 * @param url the base URL its card gives
 * @param version its build's version
 * @param protocolVersion the A2A protocol version of the card
 * @param skills its skills, in card order
 * @param a2aUrl its A2A JSON-RPC endpoint (from {@code supportedInterfaces}, or a 0.3 card's {@code url}), or empty
 *     when the card names none
 */
public record AgentCardInfo(
        String name,
        String description,
        String url,
        String version,
        String protocolVersion,
        List<SkillCard> skills,
        String a2aUrl) {

    /** Copies the list. */
    public AgentCardInfo {
        skills = List.copyOf(skills);
    }
}
