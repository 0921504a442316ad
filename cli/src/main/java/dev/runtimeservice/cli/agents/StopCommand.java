package dev.runtimeservice.cli.agents;

import dev.runtimeservice.cli.RuntimeCli;
import dev.runtimeservice.cli.client.AgentView;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code runtime stop <agent>...}: stops agents with their whole process trees and frees their ports. */
@Command(name = "stop", description = "Stop agents: shutdown request, then SIGTERM, then SIGKILL, for each tree.")
public final class StopCommand implements Callable<Integer> {

    @ParentCommand
    @SuppressWarnings("NullAway.Init") // injected by picocli
    RuntimeCli root;

    @Parameters(arity = "1..*", paramLabel = "AGENT", description = "the agents to stop")
    @SuppressWarnings("NullAway.Init") // a required parameter, set by picocli
    List<String> agents;

    @Override
    public Integer call() {
        String query = agents.stream()
                .map(name -> "agent_name=" + URLEncoder.encode(name, StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        String body = root.client().post("/api/stop_agent?" + query, "");
        if (root.json()) {
            root.out().println(body);
        } else {
            for (AgentView agent : AgentView.listOf(body)) {
                root.out().println(agent.name() + ": " + (agent.message() == null ? agent.status() : agent.message()));
            }
        }
        root.out().flush();
        return 0;
    }
}
