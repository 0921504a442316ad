package dev.runtimeservice.agent.kendra.search;

import dev.runtimeservice.agent.sdk.error.AgentSdkException;
import org.springframework.http.HttpStatus;

/** A search request that cannot run as given; the message says what to change. */
public class InvalidSearchException extends AgentSdkException {

    /**
     * Creates the exception.
     *
     * @param message what is wrong and what to change
     */
    public InvalidSearchException(String message) {
        super(HttpStatus.BAD_REQUEST, message);
    }
}
