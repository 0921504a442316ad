package dev.runtimeservice.manager.mcp;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The MCP server's settings.
 *
 * @param toolTimeout how long one tool call may take before it is answered as an error ({@code MCP_TOOL_TIMEOUT});
 *        the agent's task is cancelled then
 * @param allowRemote whether callers other than this machine (loopback) may use {@code /mcp}
 *        ({@code MCP_ALLOW_REMOTE}); the API key, when set, is needed either way
 * @param refreshInterval how often the agents' tools are compared with the running agents, besides right after
 *        every launch and stop made through MCP
 */
@ConfigurationProperties("runtime.mcp")
public record McpProperties(
        @DefaultValue("120s") Duration toolTimeout,
        @DefaultValue("false") boolean allowRemote,
        @DefaultValue("2s") Duration refreshInterval) {}
