package dev.runtimeservice.manager.e2e;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.jackson3.JacksonMcpJsonMapper;
import io.modelcontextprotocol.spec.McpClientTransport;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import tools.jackson.databind.json.JsonMapper;

/**
 * A session of the official MCP Java SDK client with the manager's {@code /mcp}, over Streamable HTTP or through
 * the stdio bridge, that keeps every tool list the server announced with {@code notifications/tools/list_changed}.
 */
final class McpSession implements AutoCloseable {

    final McpSyncClient client;
    /** The tool lists the client fetched after each list-changed notification, oldest first. */
    final List<List<String>> announced = new CopyOnWriteArrayList<>();

    private McpSession(McpClientTransport transport) {
        this.client = McpClient.sync(transport)
                .requestTimeout(Duration.ofMinutes(4))
                .toolsChangeConsumer(
                        tools -> announced.add(tools.stream().map(Tool::name).toList()))
                .build();
        client.initialize();
    }

    static McpSession overHttp(String managerUrl) {
        return new McpSession(HttpClientStreamableHttpTransport.builder(managerUrl)
                .endpoint("/mcp")
                .build());
    }

    /** Through the bridge: a child process that relays its stdin and stdout to {@code managerUrl}/mcp. */
    static McpSession overStdio(List<String> bridge, Map<String, String> env) {
        ServerParameters parameters = ServerParameters.builder(bridge.get(0))
                .args(bridge.subList(1, bridge.size()))
                .env(env)
                .build();
        return new McpSession(new StdioClientTransport(
                parameters, new JacksonMcpJsonMapper(JsonMapper.builder().build())));
    }

    List<String> toolNames() {
        return client.listTools().tools().stream().map(Tool::name).toList();
    }

    /** The listed tool of that name. */
    Tool tool(String name) {
        return client.listTools().tools().stream()
                .filter(tool -> tool.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no tool " + name + " listed"));
    }

    CallToolResult call(String tool, Map<String, Object> arguments) {
        return client.callTool(new CallToolRequest(tool, arguments));
    }

    static String text(CallToolResult result) {
        return result.content().stream()
                .filter(TextContent.class::isInstance)
                .map(content -> ((TextContent) content).text())
                .reduce("", String::concat);
    }

    @Override
    public void close() {
        client.closeGracefully();
    }
}
