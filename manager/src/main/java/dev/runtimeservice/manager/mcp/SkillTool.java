package dev.runtimeservice.manager.mcp;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One skill of a running agent, as an MCP tool.
 *
 * @param agent the agent's name
 * @param skill the skill's id in the agent's card
 * @param name the tool's name: {@code <agent>.<skill>}, or the skill's id when it already starts with the agent's
 *        name and a dot (vfs's skills are {@code vfs.read}, ...)
 * @param description what the skill does, from the card
 * @param inputSchema the JSON schema of the skill's input, as the agent declares it
 * @param outputSchema the JSON schema of its structured answer, when the agent declares one
 * @param dataInput whether the input goes as a data part (an SDK agent's skill); otherwise as text
 */
record SkillTool(
        String agent,
        String skill,
        String name,
        String description,
        Map<String, Object> inputSchema,
        @Nullable Map<String, Object> outputSchema,
        boolean dataInput) {

    static String toolName(String agent, String skill) {
        return skill.startsWith(agent + ".") ? skill : agent + "." + skill;
    }

    /** The input schema of an agent that publishes no schemas: one text, sent as the message. */
    static Map<String, Object> textInput() {
        return Map.of(
                "type",
                "object",
                "properties",
                Map.of("text", Map.of("type", "string", "description", "what to ask the skill, in plain text")),
                "required",
                java.util.List.of("text"));
    }
}
