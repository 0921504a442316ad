package dev.runtimeservice.manager.mcp;

import dev.runtimeservice.manager.agent.AgentManager;
import dev.runtimeservice.manager.agent.AgentState;
import dev.runtimeservice.manager.agent.ManagedAgent;
import dev.runtimeservice.manager.process.AgentHttp;
import io.modelcontextprotocol.server.McpServerFeatures.SyncPromptSpecification;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.GetPromptResult;
import io.modelcontextprotocol.spec.McpSchema.Prompt;
import io.modelcontextprotocol.spec.McpSchema.PromptArgument;
import io.modelcontextprotocol.spec.McpSchema.PromptMessage;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The orchestrator's instruction routing as the {@code instruct} tool, and the prompt it optimises for an
 * instruction as the {@code optimized_prompt} prompt: both ask the running orchestrator's
 * {@code POST /instructions}.
 */
@Component
@Lazy // made with the MCP server, at the first request to /mcp (McpServletOnDemand)
class OrchestratorTools {

    static final String ORCHESTRATOR = "orchestrator";
    private static final int MAX_TEXT = 8000;

    private final AgentManager manager;
    private final McpProperties properties;
    private final JsonMapper json = JsonMapper.builder().build();
    private final HttpClient http = AgentHttp.client();

    OrchestratorTools(AgentManager manager, McpProperties properties) {
        this.manager = manager;
        this.properties = properties;
    }

    SyncToolSpecification instruct() {
        Map<String, Object> schema = Map.of(
                "type",
                "object",
                "properties",
                Map.of(
                        "text",
                        Map.of(
                                "type",
                                "string",
                                "minLength",
                                1,
                                "maxLength",
                                MAX_TEXT,
                                "description",
                                "the instruction, in Spanish or English"),
                        "execute",
                        Map.of(
                                "type",
                                "boolean",
                                "default",
                                false,
                                "description",
                                "whether the chosen agent is called and its answer returned")),
                "required",
                List.of("text"),
                "additionalProperties",
                false);
        Tool tool = Tool.builder()
                .name("instruct")
                .description("Routes a natural-language instruction to the agent and skill that should handle it "
                        + "(the orchestrator's POST /instructions): the choice, the prompt optimised for an LLM, "
                        + "and, with execute, the agent's answer. Needs the orchestrator agent running.")
                .inputSchema(schema)
                .outputSchema(Map.of("type", "object"))
                .build();
        return SyncToolSpecification.builder()
                .tool(tool)
                .callHandler((exchange, request) -> instruct(ToolArguments.of(request.arguments())))
                .build();
    }

    SyncPromptSpecification prompt() {
        Prompt prompt = new Prompt(
                "optimized_prompt",
                "The orchestrator's prompt for an instruction",
                "The instruction rewritten for an LLM by the orchestrator: task, context (which agent and skill "
                        + "handle it), constraints and expected output.",
                List.of(new PromptArgument("instruction", "the instruction, in Spanish or English", true)));
        return new SyncPromptSpecification(prompt, (exchange, request) -> {
            Object instruction =
                    request.arguments() == null ? null : request.arguments().get("instruction");
            if (!(instruction instanceof String text) || text.isBlank() || text.length() > MAX_TEXT) {
                throw McpError.builder(McpSchema.ErrorCodes.INVALID_PARAMS)
                        .message("The argument 'instruction' must be a text of 1 to " + MAX_TEXT + " characters.")
                        .build();
            }
            JsonNode answer;
            try {
                answer = ask(Map.of("text", text, "execute", false));
            } catch (OrchestratorUnavailable e) {
                throw McpError.builder(McpSchema.ErrorCodes.INTERNAL_ERROR)
                        .message(e.getMessage())
                        .build();
            }
            String optimized = answer.path("prompt").path("text").asString(text);
            return new GetPromptResult(
                    "The orchestrator's prompt for: " + text,
                    List.of(new PromptMessage(McpSchema.Role.USER, new TextContent(optimized))));
        });
    }

    private CallToolResult instruct(Map<String, Object> arguments) {
        if (!(arguments.get("text") instanceof String text) || text.isBlank() || text.length() > MAX_TEXT) {
            return ToolResults.error("text must be an instruction of 1 to " + MAX_TEXT + " characters.");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("text", text);
        body.put("execute", Boolean.TRUE.equals(arguments.get("execute")));
        try {
            JsonNode answer = ask(body);
            return ToolResults.of(json.writeValueAsString(answer), json.convertValue(answer, Map.class));
        } catch (OrchestratorUnavailable e) {
            return ToolResults.error(String.valueOf(e.getMessage()));
        }
    }

    private JsonNode ask(Map<String, Object> body) {
        URI url = manager.list().stream()
                .filter(agent -> agent.name().equals(ORCHESTRATOR) && agent.state() == AgentState.RUNNING)
                .map(ManagedAgent::url)
                .findFirst()
                .orElseThrow(() -> new OrchestratorUnavailable("The orchestrator is not running. Launch it with the "
                        + "launch_agents tool ({\"agents\": [\"orchestrator\"]}) and try again."));
        try {
            HttpResponse<String> answer = http.send(
                    HttpRequest.newBuilder(url.resolve("/instructions"))
                            .timeout(properties.toolTimeout())
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode read = json.readTree(answer.body());
            if (answer.statusCode() != 200) {
                throw new OrchestratorUnavailable("The orchestrator answered " + answer.statusCode() + ": "
                        + read.path("detail").asString(answer.body()));
            }
            return read;
        } catch (IOException | RuntimeException e) {
            if (e instanceof OrchestratorUnavailable unavailable) {
                throw unavailable;
            }
            throw new OrchestratorUnavailable("The orchestrator at " + url + " could not be asked: " + e.getMessage()
                    + ". Read its log with the agent_logs tool.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OrchestratorUnavailable("The call to the orchestrator was cancelled.");
        }
    }

    /** The orchestrator does not run or did not answer; the message says what to do. */
    private static final class OrchestratorUnavailable extends RuntimeException {
        OrchestratorUnavailable(String message) {
            super(message);
        }
    }
}
