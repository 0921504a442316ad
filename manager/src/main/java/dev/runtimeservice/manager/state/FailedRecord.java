package dev.runtimeservice.manager.state;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * An agent that failed and stays FAILED until it is launched again, as the state file remembers it: a manager
 * started after this one was killed lists it with its failure, so the failure does not vanish with the manager.
 *
 * @param name the agent's name
 * @param id the id of the launch that failed
 * @param port the port that launch had (freed since)
 * @param startedAt when that launch started
 * @param restarts automatic restarts in a row before that launch
 * @param reason why it failed
 * @param exitCode how its process ended, if it was known
 */
public record FailedRecord(
        String name,
        String id,
        int port,
        Instant startedAt,
        int restarts,
        String reason,
        @Nullable Integer exitCode) {}
