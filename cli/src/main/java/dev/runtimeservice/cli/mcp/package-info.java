/** {@code runtime mcp}: the stdio bridge between a desktop MCP client and the manager's {@code /mcp}. */
@NullMarked
package dev.runtimeservice.cli.mcp;

import org.jspecify.annotations.NullMarked;
