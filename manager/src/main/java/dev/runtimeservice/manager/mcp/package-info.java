/**
 * The manager's MCP server at {@code /mcp} (Streamable HTTP, through the official MCP Java SDK): the runtime's own
 * operations and every running agent's skills as tools, agents' cards and logs as resources, the orchestrator's
 * prompt as a prompt.
 */
@NullMarked
package dev.runtimeservice.manager.mcp;

import org.jspecify.annotations.NullMarked;
