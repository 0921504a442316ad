package dev.runtimeservice.manager.error;

import org.springframework.http.HttpStatus;

/** The port an agent must use is held by a process the manager does not own, or by another agent. */
public class PortConflictException extends RuntimeServiceException {

    public PortConflictException(String agent, int port, String holder) {
        super(
                HttpStatus.CONFLICT,
                "Port in use",
                "Agent " + agent + " needs port " + port + ", which is held by " + holder
                        + ". Stop that process or free the port, then launch " + agent + " again.");
        with("agent", agent);
        with("port", port);
        with("holder", holder);
    }
}
