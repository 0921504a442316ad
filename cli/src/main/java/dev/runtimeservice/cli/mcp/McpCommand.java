package dev.runtimeservice.cli.mcp;

import dev.runtimeservice.cli.RuntimeCli;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code runtime mcp}: the manager's MCP server for a desktop client that starts its servers as commands (stdio). */
@Command(
        name = "mcp",
        description = {
            "Relay MCP between stdio and the manager's /mcp, for MCP clients that only start commands.",
            "Configure the client to run: bin/runtime mcp (or java -jar cli/target/runtime-cli-exec.jar mcp)."
        })
public final class McpCommand implements Callable<Integer> {

    @ParentCommand
    @SuppressWarnings("NullAway.Init") // injected by picocli
    RuntimeCli root;

    @Override
    public Integer call() throws IOException {
        // Standard output carries MCP only: nothing else may ever be printed to it.
        PrintStream out = new PrintStream(
                new java.io.FileOutputStream(java.io.FileDescriptor.out), false, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        return new StdioBridge(root.managerUri().toString(), root.environment().get("RUNTIME_API_KEY"), out, err)
                .relay(System.in);
    }
}
