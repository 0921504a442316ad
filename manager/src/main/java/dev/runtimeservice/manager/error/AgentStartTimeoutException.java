package dev.runtimeservice.manager.error;

import java.util.List;
import org.springframework.http.HttpStatus;

/** The agent was not ready within AGENT_STARTUP_TIMEOUT: 504. */
public final class AgentStartTimeoutException extends AgentStartException {

    public AgentStartTimeoutException(String agent, String what, List<String> logTail) {
        super(agent, HttpStatus.GATEWAY_TIMEOUT, what, logTail);
    }
}
