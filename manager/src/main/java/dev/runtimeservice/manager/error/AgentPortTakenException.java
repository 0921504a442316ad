package dev.runtimeservice.manager.error;

import java.util.List;
import org.springframework.http.HttpStatus;

/** Another process took the agent's port before it listened there and answered for it: 409. */
public final class AgentPortTakenException extends AgentStartException {

    public AgentPortTakenException(String agent, String what, List<String> logTail) {
        super(agent, HttpStatus.CONFLICT, what, logTail);
    }
}
