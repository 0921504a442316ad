package dev.runtimeservice.manager.events;

import dev.runtimeservice.manager.agent.AgentState;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A launch of an agent moved to another state, or appeared (then {@code previous} is null): started, ready,
 * stopping, stopped, waiting for its restart, failed.
 *
 * @param id the event's id
 * @param time when it happened
 * @param agent the agent's name
 * @param launchId the launch's id
 * @param state its new state
 * @param previous the state it left, or null for a launch that just appeared
 * @param reason why it failed or ended, for BACKOFF and FAILED
 * @param exitCode its process's exit code, once it ended and the code is known
 * @param pid its process id, once spawned
 * @param port its port
 * @param restarts restarts in a row after crashes
 * @param nextRestartAt when it starts again, for BACKOFF
 */
public record AgentStateChanged(
        long id,
        Instant time,
        String agent,
        String launchId,
        AgentState state,
        @Nullable AgentState previous,
        @Nullable String reason,
        @Nullable Integer exitCode,
        @Nullable Long pid,
        int port,
        int restarts,
        @Nullable Instant nextRestartAt)
        implements LifecycleEvent {

    @Override
    public String kind() {
        return "state";
    }
}
