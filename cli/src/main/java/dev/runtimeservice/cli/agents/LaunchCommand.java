package dev.runtimeservice.cli.agents;

import dev.runtimeservice.cli.ExitCodes;
import dev.runtimeservice.cli.RuntimeCli;
import dev.runtimeservice.cli.client.AgentView;
import dev.runtimeservice.cli.client.Json;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code runtime launch <agent>... [--resources file]}: launches agents and shows each one's progress. */
@Command(
        name = "launch",
        description = "Launch agents (the orchestrator last) and show each one's progress until it is ready.")
public final class LaunchCommand implements Callable<Integer> {

    @ParentCommand
    @SuppressWarnings("NullAway.Init") // injected by picocli
    RuntimeCli root;

    @Spec
    @SuppressWarnings("NullAway.Init") // injected by picocli
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "AGENT", description = "the agents to launch")
    @SuppressWarnings("NullAway.Init") // a required parameter, set by picocli
    List<String> agents;

    @Option(
            names = {"-r", "--resources"},
            paramLabel = "FILE",
            description = "a JSON file with the resources object every launched agent gets")
    @Nullable
    Path resources;

    @Override
    public Integer call() {
        String body = requestBody();
        PrintWriter out = root.out();
        String answer;
        if (root.json()) {
            answer = root.client().post("/api/launch_agents", body);
            out.println(answer);
            out.flush();
            return allRunning(answer) ? ExitCodes.OK : ExitCodes.FAILED;
        }
        try (LaunchProgress progress = LaunchProgress.start(root.client(), agents, out)) {
            answer = root.client().post("/api/launch_agents", body);
        }
        synchronized (out) {
            for (AgentView agent : AgentView.listOf(answer)) {
                out.println(agent.name() + ": " + agent.message() + " (pid " + agent.pid() + ", port " + agent.port()
                        + ", " + agent.url() + ")");
            }
            out.flush();
        }
        return allRunning(answer) ? ExitCodes.OK : ExitCodes.FAILED;
    }

    private static boolean allRunning(String answer) {
        return AgentView.listOf(answer).stream()
                .allMatch(agent -> agent.status().equals("RUNNING"));
    }

    private String requestBody() {
        ObjectNode request = Json.MAPPER.createObjectNode();
        request.putArray("agents")
                .addAll(agents.stream()
                        .map(name -> (JsonNode) Json.MAPPER.getNodeFactory().stringNode(name))
                        .toList());
        request.set("resources", readResources());
        return Json.MAPPER.writeValueAsString(request);
    }

    private JsonNode readResources() {
        if (resources == null) {
            return Json.MAPPER.createObjectNode();
        }
        try {
            JsonNode node = Json.MAPPER.readTree(Files.readString(resources));
            if (!node.isObject()) {
                throw new ParameterException(
                        spec.commandLine(),
                        "--resources " + resources + " must hold a JSON object, such as "
                                + "{\"sharepoint\": {\"url\": \"https://example.com\"}}");
            }
            return node;
        } catch (NoSuchFileException e) {
            throw new ParameterException(spec.commandLine(), "--resources " + resources + ": no such file");
        } catch (AccessDeniedException e) {
            throw new ParameterException(spec.commandLine(), "--resources " + resources + ": permission denied");
        } catch (IOException e) {
            throw new ParameterException(
                    spec.commandLine(), "cannot read --resources " + resources + ": " + e.getMessage());
        } catch (JacksonException e) {
            throw new ParameterException(
                    spec.commandLine(), "--resources " + resources + " is not valid JSON: " + e.getOriginalMessage());
        }
    }
}
