package dev.runtimeservice.agent.orchestrator.discovery;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Reads an A2A agent card leniently: an agent written in any language may leave optional fields out, so only a
 * skill's {@code id} is required and missing texts become empty.
 */
public final class CardParser {

    private CardParser() {}

    /**
     * Reads a card.
     *
     * @param card the card's JSON
     * @return what the orchestrator keeps of it
     * @throws IllegalArgumentException when the JSON is not an object with a {@code skills} array (or none)
     */
    public static AgentCardInfo parse(JsonNode card) {
        if (!card.isObject()) {
            throw new IllegalArgumentException("the agent card is not a JSON object");
        }
        JsonNode skills = card.path("skills");
        if (!skills.isMissingNode() && !skills.isArray()) {
            throw new IllegalArgumentException("the agent card's 'skills' is not an array");
        }
        List<SkillCard> parsed = new ArrayList<>();
        for (JsonNode skill : skills.values()) {
            String id = text(skill, "id");
            if (!id.isBlank()) {
                parsed.add(new SkillCard(
                        id,
                        text(skill, "name"),
                        text(skill, "description"),
                        texts(skill, "tags"),
                        texts(skill, "examples")));
            }
        }
        return new AgentCardInfo(
                text(card, "name"),
                text(card, "description"),
                text(card, "url"),
                text(card, "version"),
                text(card, "protocolVersion"),
                parsed,
                jsonRpcUrl(card));
    }

    /**
     * Where the agent takes A2A JSON-RPC calls: the {@code JSONRPC} entry of a 1.0 card's
     * {@code supportedInterfaces}, else a 0.3 card's {@code url} when its preferred transport is JSON-RPC (the
     * default of 0.3).
     */
    static String jsonRpcUrl(JsonNode card) {
        for (JsonNode entry : card.path("supportedInterfaces").values()) {
            if ("JSONRPC".equalsIgnoreCase(text(entry, "protocolBinding"))
                    && !text(entry, "url").isBlank()) {
                return text(entry, "url");
            }
        }
        String preferred = text(card, "preferredTransport");
        return preferred.isBlank() || preferred.equalsIgnoreCase("JSONRPC") ? text(card, "url") : "";
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isString() ? value.stringValue() : "";
    }

    private static List<String> texts(JsonNode node, String field) {
        List<String> texts = new ArrayList<>();
        for (JsonNode value : node.path(field).values()) {
            if (value.isString() && !value.stringValue().isBlank()) {
                texts.add(value.stringValue());
            }
        }
        return texts;
    }
}
