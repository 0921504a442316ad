package dev.runtimeservice.cli.agents;

import dev.runtimeservice.cli.RuntimeCli;
import dev.runtimeservice.cli.client.AgentView;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code runtime ls}: the agents the manager runs or saw fail, as a table. */
@Command(
        name = "ls",
        aliases = "list",
        description = "List the agents: name, status, pid, port, uptime, CPU, memory and restarts.")
public final class LsCommand implements Callable<Integer> {

    @ParentCommand
    @SuppressWarnings("NullAway.Init") // injected by picocli
    RuntimeCli root;

    @Option(
            names = "--status",
            paramLabel = "STATE",
            description = "only agents in this state (STARTING, RUNNING, STOPPING, STOPPED, BACKOFF, FAILED)")
    @Nullable
    String status;

    @Override
    public Integer call() {
        String path = "/api/list_agents"
                + (status == null ? "" : "?status=" + URLEncoder.encode(status.toUpperCase(), StandardCharsets.UTF_8));
        String body = root.client().get(path);
        if (root.json()) {
            root.out().println(body);
        } else {
            root.out().print(AgentTable.render(AgentView.listOf(body), Instant.now()));
        }
        root.out().flush();
        return 0;
    }
}
