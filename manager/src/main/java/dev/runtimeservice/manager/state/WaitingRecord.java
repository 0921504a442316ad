package dev.runtimeservice.manager.state;

import java.time.Instant;

/**
 * An agent that ended on its own and waits for its restart (BACKOFF), as the state file remembers it: a manager
 * started before the restart was due (the previous one was killed) restarts it as planned, with the resources of the
 * launch that ended, which its resources file keeps until then.
 *
 * @param name the agent's name
 * @param id the id of the launch that ended
 * @param port the port the launch that ended had (the restart may get another)
 * @param startedAt when the launch that ended started
 * @param restarts automatic restarts in a row before the launch that ended
 * @param restartAt when the restart is due
 * @param reason why the launch ended
 */
public record WaitingRecord(
        String name, String id, int port, Instant startedAt, int restarts, Instant restartAt, String reason) {}
