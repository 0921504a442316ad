package dev.runtimeservice.manager.mcp;

import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.jackson3.JacksonMcpJsonMapper;
import tools.jackson.databind.json.JsonMapper;

/** MCP's own JSON (camelCase), not the manager's snake_case API mapper; made at the first MCP request. */
final class McpJson {

    static final McpJsonMapper MAPPER =
            new JacksonMcpJsonMapper(JsonMapper.builder().build());

    private McpJson() {}
}
