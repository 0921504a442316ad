package dev.runtimeservice.cli.agents;

import dev.runtimeservice.cli.CommandFailedException;
import dev.runtimeservice.cli.RuntimeCli;
import dev.runtimeservice.cli.client.AgentView;
import dev.runtimeservice.cli.client.Json;
import dev.runtimeservice.cli.client.ManagerProblemException;
import dev.runtimeservice.cli.text.Units;
import java.io.PrintWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import tools.jackson.databind.JsonNode;

/** {@code runtime status <agent>}: one agent in detail. */
@Command(name = "status", description = "Show one agent in detail: state, process, port, usage, restarts, failure.")
public final class StatusCommand implements Callable<Integer> {

    @ParentCommand
    @SuppressWarnings("NullAway.Init") // injected by picocli
    RuntimeCli root;

    @Parameters(paramLabel = "AGENT", description = "the agent's name")
    @SuppressWarnings("NullAway.Init") // a required parameter, set by picocli
    String agent;

    @Override
    public Integer call() {
        String body = root.client().get("/api/list_agents?name=" + URLEncoder.encode(agent, StandardCharsets.UTF_8));
        JsonNode agents = Json.MAPPER.readTree(body).path("agents");
        if (agents.isEmpty()) {
            throw new CommandFailedException(notListed());
        }
        PrintWriter out = root.out();
        if (root.json()) {
            out.println(Json.MAPPER.writeValueAsString(agents.get(0)));
        } else {
            print(out, Json.MAPPER.treeToValue(agents.get(0), AgentView.class));
        }
        out.flush();
        return 0;
    }

    /**
     * Why the agent is not listed: not running, or not in the catalog at all, which a launch would not mend. The
     * manager tells the two apart at its agent's card, and its 404 for an unknown name is passed on in its own words.
     */
    private String notListed() {
        try {
            root.client().get("/api/agents/" + URLEncoder.encode(agent, StandardCharsets.UTF_8) + "/card");
        } catch (ManagerProblemException e) {
            if (e.status() == 404) {
                throw e;
            }
        }
        return "agent " + agent + " is not running and has not failed; start it with: runtime launch " + agent;
    }

    private static void print(PrintWriter out, AgentView agent) {
        Instant started = agent.startedAt();
        line(out, "name", agent.name());
        line(out, "status", agent.status());
        line(out, "message", agent.message());
        line(out, "pid", Units.number(agent.pid()));
        line(out, "port", Units.number(agent.port()));
        line(out, "url", agent.url());
        line(out, "started", started == null ? null : started.toString());
        line(
                out,
                "uptime",
                started == null || !"RUNNING".equals(agent.status())
                        ? null
                        : Units.duration(Duration.between(started, Instant.now())));
        line(out, "cpu", Units.percent(agent.cpuPercent()));
        line(out, "memory", Units.bytes(agent.memoryBytes()));
        line(out, "restarts", Units.number(agent.restarts()));
        line(
                out,
                "exit code",
                agent.exitCode() == null ? null : agent.exitCode().toString());
        line(
                out,
                "next restart",
                agent.nextRestartAt() == null ? null : agent.nextRestartAt().toString());
        List<String> resources = agent.resources();
        line(out, "resources", resources == null || resources.isEmpty() ? null : String.join(", ", resources));
    }

    private static void line(PrintWriter out, String label, @Nullable String value) {
        if (value != null && !value.equals(Units.NONE)) {
            out.printf("%-13s %s%n", label + ":", value.replaceAll("\\s*\\R\\s*", " "));
        }
    }
}
