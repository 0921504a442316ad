package dev.runtimeservice.manager.error;

import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * An agent did not become ready: it could not be spawned, it exited during start, another process took its port, or
 * it was not ready in time. Its process tree is gone and its port is free again; the answer carries its last log
 * lines. Each subclass says which, and with it the HTTP status of the answer.
 */
public abstract sealed class AgentStartException extends RuntimeServiceException
        permits AgentNotSpawnedException,
                AgentExitedDuringStartException,
                AgentPortTakenException,
                AgentStartTimeoutException {

    protected AgentStartException(String agent, HttpStatus status, String what, List<String> logTail) {
        super(
                status,
                "Agent failed to start",
                "Agent " + agent + " failed to start: " + what
                        + ". Its last log lines are in 'log_tail'; the full log is at /api/agents/" + agent + "/logs.");
        with("agent", agent);
        with("log_tail", logTail);
    }
}
