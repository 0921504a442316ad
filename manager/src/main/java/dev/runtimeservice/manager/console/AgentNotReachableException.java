package dev.runtimeservice.manager.console;

import dev.runtimeservice.manager.error.RuntimeServiceException;
import org.springframework.http.HttpStatus;

/** The agent a console or CLI call goes through is not running, or did not answer. */
final class AgentNotReachableException extends RuntimeServiceException {

    AgentNotReachableException(HttpStatus status, String detail) {
        super(status, status == HttpStatus.SERVICE_UNAVAILABLE ? "Agent not running" : "Agent did not answer", detail);
    }
}
