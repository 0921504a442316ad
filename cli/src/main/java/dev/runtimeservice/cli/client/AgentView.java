package dev.runtimeservice.cli.client;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * One agent as the manager's API shows it (the fields the CLI prints; the rest of the answer is ignored).
 *
 * @param name the agent's name
 * @param status its lifecycle state (STARTING, RUNNING, STOPPING, STOPPED, BACKOFF, FAILED)
 * @param action what a launch or stop did to it
 * @param message a sentence about the action or the failure
 * @param pid its process id
 * @param port its port
 * @param url its base URL
 * @param startedAt when this launch began
 * @param cpuPercent CPU use since the previous list, in percent of one core
 * @param memoryBytes resident memory
 * @param restarts restarts in a row after crashes
 * @param exitCode how its process ended, once it has
 * @param nextRestartAt when it starts again, while in BACKOFF
 * @param resources the names of its resources
 */
public record AgentView(
        String name,
        String status,
        @Nullable String action,
        @Nullable String message,
        @Nullable Long pid,
        @Nullable Integer port,
        @Nullable String url,
        @Nullable Instant startedAt,
        @Nullable Double cpuPercent,
        @Nullable Long memoryBytes,
        @Nullable Integer restarts,
        @Nullable Integer exitCode,
        @Nullable Instant nextRestartAt,
        @Nullable List<String> resources) {

    /** The agents of an answer of the form {@code {"agents":[...]}}. */
    public static List<AgentView> listOf(String json) {
        JsonNode agents = Json.MAPPER.readTree(json).path("agents");
        return agents.valueStream()
                .map(agent -> Json.MAPPER.treeToValue(agent, AgentView.class))
                .toList();
    }
}
