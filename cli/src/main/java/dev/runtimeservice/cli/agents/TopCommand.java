package dev.runtimeservice.cli.agents;

import dev.runtimeservice.cli.RuntimeCli;
import dev.runtimeservice.cli.client.AgentView;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code runtime top}: the agents table, redrawn in place every few seconds, with CPU and memory. */
@Command(name = "top", description = "Show the agents table and redraw it every few seconds (Ctrl-C stops).")
public final class TopCommand implements Callable<Integer> {

    private static final String CLEAR = "\033[H\033[2J";
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

    @ParentCommand
    @SuppressWarnings("NullAway.Init") // injected by picocli
    RuntimeCli root;

    @Option(
            names = {"-d", "--delay"},
            paramLabel = "SECONDS",
            description = "seconds between redraws (default: ${DEFAULT-VALUE})")
    double delay = 2;

    @Option(
            names = {"-n", "--iterations"},
            paramLabel = "N",
            description = "stop after N redraws (default: until Ctrl-C)")
    int iterations = -1;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = root.out();
        for (int drawn = 0; iterations < 0 || drawn < iterations; drawn++) {
            if (drawn > 0) {
                Thread.sleep((long) (delay * 1000));
            }
            String body = root.client().get("/api/list_agents");
            Instant now = Instant.now();
            if (root.json()) {
                out.println(body.replace('\n', ' '));
            } else {
                out.print(CLEAR);
                out.println("runtime top - " + root.managerUrl() + " - " + TIME.format(now) + " - every " + delay
                        + " s, Ctrl-C to stop");
                out.println();
                out.print(AgentTable.render(AgentView.listOf(body), now));
            }
            out.flush();
        }
        return 0;
    }
}
