package dev.runtimeservice.agent.sdk.error;

import org.springframework.http.HttpStatus;

/**
 * Root of the SDK's exceptions; when one reaches a controller it is answered as an RFC 9457
 * problem detail with its {@link #status()} and its message as {@code detail}.
 */
public abstract class AgentSdkException extends RuntimeException {

    /** The HTTP status to answer with. */
    private final HttpStatus status;

    /**
     * Creates the exception.
     *
     * @param status the HTTP status to answer with
     * @param message what went wrong and what to do; never a secret
     */
    protected AgentSdkException(HttpStatus status, String message) {
        super(message);
        this.status = status;
    }

    /**
     * Returns the HTTP status to answer with.
     *
     * @return the status
     */
    public HttpStatus status() {
        return status;
    }
}
