package dev.runtimeservice.manager.mcp;

import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;

/**
 * The MCP SDK's servlet transport, as a bean that is not of a servlet's type: Spring Boot registers every servlet bean
 * in the web server at boot, which would make this one at boot, and a second time under its bean name.
 */
record McpTransport(HttpServletStreamableServerTransportProvider servlet) {}
