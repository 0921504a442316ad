package dev.runtimeservice.agent.vfs.error;

import dev.runtimeservice.agent.sdk.error.AgentSdkException;
import org.springframework.http.HttpStatus;

/**
 * Root of the vfs exceptions; its message names virtual paths only, never a real path on the host.
 */
public abstract class VfsException extends AgentSdkException {

    /**
     * Creates the exception.
     *
     * @param status the HTTP status to answer with
     * @param message what went wrong and what to do
     */
    protected VfsException(HttpStatus status, String message) {
        super(status, message);
    }
}
