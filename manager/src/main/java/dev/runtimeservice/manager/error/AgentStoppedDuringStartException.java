package dev.runtimeservice.manager.error;

import org.springframework.http.HttpStatus;

/** A stop request arrived while the agent was starting, and the stop won. */
public class AgentStoppedDuringStartException extends RuntimeServiceException {

    public AgentStoppedDuringStartException(String agent) {
        super(
                HttpStatus.CONFLICT,
                "Agent stopped during start",
                "Agent " + agent + " was stopped while it was starting, at the request of a stop call. Launch it "
                        + "again if you still want it.");
        with("agent", agent);
    }
}
