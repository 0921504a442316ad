package dev.runtimeservice.cli.logs;

import dev.runtimeservice.cli.RuntimeCli;
import dev.runtimeservice.cli.client.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import tools.jackson.databind.JsonNode;

/** {@code runtime logs <agent> [-f]}: the end of an agent's log, and with -f each new line as it comes. */
@Command(name = "logs", description = "Print the end of an agent's log; -f follows it. Resource values are masked.")
public final class LogsCommand implements Callable<Integer> {

    @ParentCommand
    @SuppressWarnings("NullAway.Init") // injected by picocli
    RuntimeCli root;

    @Parameters(paramLabel = "AGENT", description = "the agent's name")
    @SuppressWarnings("NullAway.Init") // a required parameter, set by picocli
    String agent;

    @Option(
            names = {"-f", "--follow"},
            description = "keep printing new lines as the agent writes them (Ctrl-C stops)")
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
        InputStream body = root.client().open(path + "&follow=true", Map.of("Accept", "text/plain"));
        try (BufferedReader in = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                out.println(line);
                out.flush();
            }
        }
        return 0;
    }
}
