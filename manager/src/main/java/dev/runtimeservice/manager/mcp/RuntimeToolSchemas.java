package dev.runtimeservice.manager.mcp;

import dev.runtimeservice.manager.agent.AgentNames;
import dev.runtimeservice.manager.agent.AgentState;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** The JSON schemas and descriptions of the runtime tools: the REST API's arguments, as JSON. */
final class RuntimeToolSchemas {

    static final String LAUNCH_DESCRIPTION = "Launches each named agent and answers once all are ready (as POST "
            + "/api/launch_agents). An agent that runs is returned as it is, unless different non-empty resources "
            + "are given: then it is restarted with them. Its skills then appear as tools named <agent>.<skill>.";
    static final String LIST_DESCRIPTION =
            "Lists the agents the manager runs or saw fail, with CPU and memory (as GET /api/list_agents).";
    static final String STOP_DESCRIPTION = "Stops the named agents (as POST /api/stop_agent): shutdown endpoint, "
            + "then SIGTERM, then SIGKILL, for the whole process tree. Their tools leave the list.";
    static final String LOGS_DESCRIPTION = "The last lines of an agent's log (as GET /api/agents/{name}/logs), with "
            + "secrets masked; read it when an agent failed to start or a tool call failed.";

    private static final Map<String, Object> NAME =
            Map.of("type", "string", "pattern", "^" + AgentNames.REGEX + "$", "description", AgentNames.RULE);

    private RuntimeToolSchemas() {}

    static Map<String, Object> launch() {
        return object(
                Map.of(
                        "agents",
                        Map.of("type", "array", "items", NAME, "minItems", 1, "maxItems", AgentNames.MAX_PER_REQUEST),
                        "resources",
                        Map.of(
                                "type",
                                "object",
                                "description",
                                "what every launched agent gets in its resources file")),
                List.of("agents"));
    }

    static Map<String, Object> list() {
        return object(
                Map.of(
                        "name",
                        NAME,
                        "status",
                        Map.of(
                                "type",
                                "string",
                                "enum",
                                Arrays.stream(AgentState.values())
                                        .map(Enum::name)
                                        .toList())),
                List.of());
    }

    static Map<String, Object> stop() {
        return object(
                Map.of(
                        "agent_name",
                        Map.of(
                                "description",
                                "the agents to stop: one name, names separated by commas, or an array of names",
                                "anyOf",
                                List.of(
                                        Map.of("type", "string", "minLength", 1),
                                        Map.of(
                                                "type",
                                                "array",
                                                "items",
                                                NAME,
                                                "minItems",
                                                1,
                                                "maxItems",
                                                AgentNames.MAX_PER_REQUEST)))),
                List.of("agent_name"));
    }

    static Map<String, Object> logs() {
        return object(
                Map.of(
                        "name",
                        NAME,
                        "lines",
                        Map.of("type", "integer", "minimum", 1, "maximum", 10_000, "default", 100)),
                List.of("name"));
    }

    /** What a runtime tool answers as structured content. */
    static Map<String, Object> answer(String tool) {
        if (tool.equals("agent_logs")) {
            return Map.of(
                    "type",
                    "object",
                    "properties",
                    Map.of(
                            "agent", Map.of("type", "string"),
                            "file", Map.of("type", "string"),
                            "lines", Map.of("type", "array", "items", Map.of("type", "string"))));
        }
        return Map.of(
                "type",
                "object",
                "properties",
                Map.of("agents", Map.of("type", "array", "items", Map.of("type", "object"))));
    }

    private static Map<String, Object> object(Map<String, Object> properties, List<String> required) {
        return Map.of("type", "object", "properties", properties, "required", required, "additionalProperties", false);
    }
}
