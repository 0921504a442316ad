package dev.runtimeservice.manager.error;

import java.util.List;
import org.springframework.http.HttpStatus;

/** The agent's process exited before it was ready: 502, as from an upstream that failed. */
public final class AgentExitedDuringStartException extends AgentStartException {

    public AgentExitedDuringStartException(String agent, String what, List<String> logTail) {
        super(agent, HttpStatus.BAD_GATEWAY, what, logTail);
    }
}
