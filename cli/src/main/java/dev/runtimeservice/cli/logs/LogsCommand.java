package dev.runtimeservice.cli.logs;

import dev.runtimeservice.cli.ExitCodes;
import dev.runtimeservice.cli.RuntimeCli;
import dev.runtimeservice.cli.client.Json;
import dev.runtimeservice.common.sse.ServerSentEvents;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import tools.jackson.databind.JsonNode;

/**
 * {@code runtime logs <agent> [-f]}: the end of an agent's log, and with -f each new line as it comes until the agent
 * stops (exit code 0) or fails (1), which a last line says.
 */
@Command(
        name = "logs",
        description = "Print the end of an agent's log; -f follows it until the agent stops (exit code 0) or fails "
                + "(1). Resource values are masked.")
public final class LogsCommand implements Callable<Integer> {

    @ParentCommand
    @SuppressWarnings("NullAway.Init") // injected by picocli
    RuntimeCli root;

    @Parameters(paramLabel = "AGENT", description = "the agent's name")
    @SuppressWarnings("NullAway.Init") // a required parameter, set by picocli
    String agent;

    @Option(
            names = {"-f", "--follow"},
            description = "keep printing new lines as the agent writes them, until it stops or fails (Ctrl-C stops)")
    boolean follow;

    @Option(
            names = {"-n", "--lines"},
            paramLabel = "N",
            description = "how many of the last lines to print first (default: ${DEFAULT-VALUE})")
    int lines = 100;

    @Override
    public Integer call() throws IOException {
        String path = "/api/agents/" + URLEncoder.encode(agent, StandardCharsets.UTF_8) + "/logs?lines=" + lines;
        PrintWriter out = root.out();
        if (!follow) {
            String body = root.client().get(path);
            if (root.json()) {
                out.println(body);
            } else {
                JsonNode tail = Json.MAPPER.readTree(body);
                tail.path("lines").valueStream().forEach(line -> out.println(line.asString()));
            }
            out.flush();
            return 0;
        }
        InputStream body = root.client().open(path + "&follow=true", Map.of("Accept", "text/event-stream"));
        boolean[] failed = {false};
        boolean ended;
        @Nullable IOException broken = null;
        try {
            ended = ServerSentEvents.read(body, event -> {
                out.println(event.data());
                out.flush();
                if (event.name().equals("message")) {
                    return true;
                }
                failed[0] = event.name().equals("failed");
                return false;
            });
        } catch (IOException e) {
            ended = false;
            broken = e;
        }
        if (!ended) {
            // The manager ends a followed log before the agent's end only when it stops itself (exit code 3).
            throw root.client().lost("the followed log", "follow it again with: runtime logs -f " + agent, broken);
        }
        return failed[0] ? ExitCodes.FAILED : ExitCodes.OK;
    }
}
