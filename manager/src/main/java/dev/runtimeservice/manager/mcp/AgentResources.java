package dev.runtimeservice.manager.mcp;

import dev.runtimeservice.manager.agent.AgentManager;
import dev.runtimeservice.manager.agent.AgentNames;
import dev.runtimeservice.manager.agent.AgentState;
import dev.runtimeservice.manager.agent.ManagedAgent;
import dev.runtimeservice.manager.agent.catalog.AgentCatalog;
import dev.runtimeservice.manager.error.RuntimeServiceException;
import dev.runtimeservice.manager.logs.AgentLogs;
import dev.runtimeservice.manager.resources.SecretRedactor;
import io.modelcontextprotocol.server.McpServerFeatures.SyncResourceTemplateSpecification;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.ReadResourceResult;
import io.modelcontextprotocol.spec.McpSchema.ResourceTemplate;
import io.modelcontextprotocol.spec.McpSchema.TextResourceContents;
import java.io.IOException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Agents' A2A cards and log tails as MCP resources: {@code runtime://agents/<name>/card} (while the agent runs) and
 * {@code runtime://agents/<name>/logs} (its last 200 lines, secrets masked).
 */
@Component
@Lazy // made with the MCP server, at the first request to /mcp (McpServletOnDemand)
class AgentResources {

    private static final Pattern URI = Pattern.compile("runtime://agents/(" + AgentNames.REGEX + ")/(card|logs)");
    private static final int LOG_LINES = 200;

    private final AgentManager manager;
    private final AgentCatalog catalog;
    private final AgentLogs logs;
    private final SecretRedactor redactor;
    private final A2aClients a2a;

    AgentResources(
            AgentManager manager, AgentCatalog catalog, AgentLogs logs, SecretRedactor redactor, A2aClients a2a) {
        this.manager = manager;
        this.catalog = catalog;
        this.logs = logs;
        this.redactor = redactor;
        this.a2a = a2a;
    }

    List<SyncResourceTemplateSpecification> templates() {
        return List.of(
                new SyncResourceTemplateSpecification(
                        ResourceTemplate.builder()
                                .uriTemplate("runtime://agents/{name}/card")
                                .name("agent-card")
                                .title("An agent's A2A card")
                                .description("The A2A agent card of a running agent: its skills and interfaces")
                                .mimeType("application/json")
                                .build(),
                        (exchange, request) -> read(request.uri())),
                new SyncResourceTemplateSpecification(
                        ResourceTemplate.builder()
                                .uriTemplate("runtime://agents/{name}/logs")
                                .name("agent-logs")
                                .title("An agent's log")
                                .description("The last " + LOG_LINES + " lines of an agent's log, secrets masked")
                                .mimeType("text/plain")
                                .build(),
                        (exchange, request) -> read(request.uri())));
    }

    private ReadResourceResult read(String uri) {
        Matcher matcher = URI.matcher(uri);
        if (!matcher.matches()) {
            throw notFound(uri, "Read runtime://agents/<name>/card or runtime://agents/<name>/logs.");
        }
        String name = matcher.group(1);
        try {
            catalog.find(name);
        } catch (RuntimeServiceException e) {
            throw notFound(uri, String.valueOf(e.getMessage()));
        }
        if (matcher.group(2).equals("logs")) {
            String tail = String.join("\n", redactor.redact(logs.tail(name, LOG_LINES)));
            return new ReadResourceResult(List.of(new TextResourceContents(uri, "text/plain", tail)));
        }
        ManagedAgent agent = manager.list().stream()
                .filter(a -> a.name().equals(name) && a.state() == AgentState.RUNNING)
                .findFirst()
                .orElseThrow(() -> notFound(
                        uri,
                        "Agent " + name + " is not running, so its card cannot be read; "
                                + "launch it with the launch_agents tool."));
        try {
            return new ReadResourceResult(
                    List.of(new TextResourceContents(uri, "application/json", a2a.cardJson(agent.url()))));
        } catch (IOException e) {
            throw notFound(uri, "Agent " + name + " did not serve its card: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw notFound(uri, "Reading the card was cancelled.");
        }
    }

    private static McpError notFound(String uri, String why) {
        return McpError.builder(McpSchema.ErrorCodes.RESOURCE_NOT_FOUND)
                .message("No resource " + uri + ": " + why)
                .build();
    }
}
