package dev.runtimeservice.manager.mcp;

import dev.runtimeservice.manager.agent.AgentManager;
import dev.runtimeservice.manager.agent.AgentNames;
import dev.runtimeservice.manager.agent.AgentState;
import dev.runtimeservice.manager.agent.NameText;
import dev.runtimeservice.manager.agent.catalog.AgentCatalog;
import dev.runtimeservice.manager.api.AgentResponse;
import dev.runtimeservice.manager.api.AgentsResponse;
import dev.runtimeservice.manager.api.ResourcesShape;
import dev.runtimeservice.manager.error.RuntimeServiceException;
import dev.runtimeservice.manager.logs.AgentLogs;
import dev.runtimeservice.manager.process.AgentHost;
import dev.runtimeservice.manager.resources.SecretRedactor;
import dev.runtimeservice.manager.security.SecurityProperties;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The runtime's own operations as MCP tools, with the REST API's arguments, checks and answers: they call the same
 * services as its controllers, and a refused call is a tool error with the problem's detail.
 */
@Component
@Lazy // made with the MCP server, at the first request to /mcp (McpServletOnDemand)
class RuntimeTools {

    private final AgentManager manager;
    private final AgentHost host;
    private final AgentCatalog catalog;
    private final AgentLogs logs;
    private final SecretRedactor redactor;
    private final SecurityProperties limits;
    private final AgentSkillTools skillTools;
    private final JsonMapper json;

    RuntimeTools(
            AgentManager manager,
            AgentHost host,
            AgentCatalog catalog,
            AgentLogs logs,
            SecretRedactor redactor,
            SecurityProperties limits,
            AgentSkillTools skillTools,
            JsonMapper json) {
        this.manager = manager;
        this.host = host;
        this.catalog = catalog;
        this.logs = logs;
        this.redactor = redactor;
        this.limits = limits;
        this.skillTools = skillTools;
        this.json = json;
    }

    List<SyncToolSpecification> all() {
        return List.of(
                tool("launch_agents", RuntimeToolSchemas.LAUNCH_DESCRIPTION, RuntimeToolSchemas.launch(), this::launch),
                tool("list_agents", RuntimeToolSchemas.LIST_DESCRIPTION, RuntimeToolSchemas.list(), this::list),
                tool("stop_agent", RuntimeToolSchemas.STOP_DESCRIPTION, RuntimeToolSchemas.stop(), this::stop),
                tool("agent_logs", RuntimeToolSchemas.LOGS_DESCRIPTION, RuntimeToolSchemas.logs(), this::logs));
    }

    private CallToolResult launch(Map<String, Object> arguments) {
        List<String> agents = names(arguments.get("agents"), "agents");
        if (agents.isEmpty() || agents.size() > AgentNames.MAX_PER_REQUEST) {
            return ToolResults.error(
                    "agents must name 1 to " + AgentNames.MAX_PER_REQUEST + " agents, as in {\"agents\": [\"vfs\"]}.");
        }
        Object resources = arguments.getOrDefault("resources", Map.of());
        if (!(resources instanceof Map<?, ?>)) {
            return ToolResults.error("resources must be an object, as in {\"resources\": {\"key\": \"value\"}}.");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> values = (Map<String, Object>) resources;
        ResourcesShape.check(values, limits.maxResourceKeys(), limits.maxResourceDepth());
        AgentsResponse answer = new AgentsResponse(manager.launch(agents, values).stream()
                .map(outcome -> AgentResponse.of(outcome, host))
                .toList());
        skillTools.refresh();
        return answer(answer);
    }

    private CallToolResult list(Map<String, Object> arguments) {
        String name = arguments.get("name") instanceof String text ? text : null;
        if (name != null && !AgentNames.isValid(name)) {
            return ToolResults.error("name must be " + AgentNames.RULE + ".");
        }
        AgentState status;
        try {
            status = arguments.get("status") instanceof String text ? AgentState.valueOf(text) : null;
        } catch (IllegalArgumentException e) {
            return ToolResults.error("status must be one of " + Arrays.toString(AgentState.values()) + ".");
        }
        AgentState wanted = status;
        return answer(new AgentsResponse(manager.list().stream()
                .filter(agent -> name == null || agent.name().equals(name))
                .filter(agent -> wanted == null || agent.state() == wanted)
                .map(agent -> AgentResponse.of(agent, host))
                .toList()));
    }

    private CallToolResult stop(Map<String, Object> arguments) {
        Object given = arguments.get("agent_name");
        // "vfs,kendra" as the REST API's agent_name takes it, each name then checked as the REST API checks it.
        List<String> names =
                names(given instanceof String text ? Arrays.asList(text.split(",", -1)) : given, "agent_name");
        if (names.isEmpty() || names.size() > AgentNames.MAX_PER_REQUEST) {
            return ToolResults.error("agent_name must name 1 to " + AgentNames.MAX_PER_REQUEST
                    + " agents, as in {\"agent_name\": \"vfs\"} or {\"agent_name\": [\"vfs\", \"kendra\"]}.");
        }
        AgentsResponse answer = new AgentsResponse(
                manager.stop(names).stream().map(o -> AgentResponse.of(o, host)).toList());
        skillTools.refresh();
        return answer(answer);
    }

    private CallToolResult logs(Map<String, Object> arguments) {
        String name = arguments.get("name") instanceof String text ? text : "";
        int lines = arguments.get("lines") instanceof Number number ? number.intValue() : 100;
        if (lines < 1 || lines > 10_000) {
            return ToolResults.error("lines must be from 1 to 10000.");
        }
        catalog.find(name);
        List<String> tail = redactor.redact(logs.tail(name, lines));
        return ToolResults.of(
                String.join("\n", tail),
                Map.of("agent", name, "file", logs.file(name).toString(), "lines", tail));
    }

    /** Agent names of the REST API's rule, or an InvalidArgument naming the field. */
    private static List<String> names(@Nullable Object value, String field) {
        if (!(value instanceof List<?> list)) {
            throw new InvalidArgument(field + " must be an array of agent names, as in [\"vfs\"].");
        }
        List<String> invalid = list.stream()
                .filter(name -> !(name instanceof String text) || !AgentNames.isValid(text))
                .map(String::valueOf)
                .toList();
        if (!invalid.isEmpty()) {
            throw new InvalidArgument(
                    field + " must name agents of " + AgentNames.RULE + "; invalid: " + NameText.quoted(invalid));
        }
        return list.stream().map(String.class::cast).toList();
    }

    private CallToolResult answer(Object answer) {
        return ToolResults.of(json.writeValueAsString(answer), json.convertValue(answer, Map.class));
    }

    private static SyncToolSpecification tool(
            String name,
            String description,
            Map<String, Object> schema,
            Function<Map<String, Object>, CallToolResult> run) {
        return SyncToolSpecification.builder()
                .tool(Tool.builder()
                        .name(name)
                        .description(description)
                        .inputSchema(schema)
                        .outputSchema(RuntimeToolSchemas.answer(name))
                        .build())
                .callHandler((exchange, request) -> {
                    try {
                        return run.apply(ToolArguments.of(request.arguments()));
                    } catch (InvalidArgument e) {
                        return ToolResults.error(String.valueOf(e.getMessage()));
                    } catch (RuntimeServiceException e) {
                        return ToolResults.error(
                                e.getMessage() + (e.properties().isEmpty() ? "" : " " + e.properties()));
                    }
                })
                .build();
    }

    /** An argument the tool cannot take; its message says what to send instead. */
    private static final class InvalidArgument extends RuntimeException {
        InvalidArgument(String message) {
            super(message);
        }
    }
}
