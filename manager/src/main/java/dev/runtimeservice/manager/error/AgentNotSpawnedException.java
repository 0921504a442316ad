package dev.runtimeservice.manager.error;

import java.util.List;
import org.springframework.http.HttpStatus;

/** The manager could not spawn the agent (its jar is missing, its command cannot run): 500. */
public final class AgentNotSpawnedException extends AgentStartException {

    public AgentNotSpawnedException(String agent, String what, List<String> logTail) {
        super(agent, HttpStatus.INTERNAL_SERVER_ERROR, what, logTail);
    }
}
