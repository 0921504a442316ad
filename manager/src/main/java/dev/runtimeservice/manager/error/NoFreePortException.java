package dev.runtimeservice.manager.error;

import org.springframework.http.HttpStatus;

/** Every port of the agent range is reserved, given to an agent or held by another process. */
public class NoFreePortException extends RuntimeServiceException {

    public NoFreePortException(String agent, int min, int max) {
        super(
                HttpStatus.SERVICE_UNAVAILABLE,
                "No free port",
                "No free port between MIN_AGENT_PORT=" + min + " and MAX_AGENT_PORT=" + max + " for agent " + agent
                        + ". Stop an agent or widen the range.");
        with("agent", agent);
    }
}
