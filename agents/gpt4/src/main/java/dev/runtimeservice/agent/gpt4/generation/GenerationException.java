package dev.runtimeservice.agent.gpt4.generation;

import dev.runtimeservice.agent.sdk.error.AgentSdkException;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;

/**
 * Root of the generation errors; each is answered as problem+json with its status, and with a
 * {@code Retry-After} header when {@link #retryAfter()} is set. Messages never hold a secret.
 */
public class GenerationException extends AgentSdkException {

    /** When the caller may try again, or {@code null} when trying again will not help. */
    private final transient @Nullable Duration retryAfter;

    /**
     * Creates the exception.
     *
     * @param status the HTTP status to answer with
     * @param message what went wrong and what to do
     * @param retryAfter when to try again, or {@code null}
     */
    public GenerationException(HttpStatus status, String message, @Nullable Duration retryAfter) {
        super(status, message);
        this.retryAfter = retryAfter;
    }

    /**
     * Creates the exception for an answer that retrying will not change.
     *
     * @param status the HTTP status to answer with
     * @param message what went wrong and what to do
     */
    public GenerationException(HttpStatus status, String message) {
        this(status, message, null);
    }

    /**
     * Tells when the caller may try again.
     *
     * @return the delay, or {@code null} when retrying will not help
     */
    public @Nullable Duration retryAfter() {
        return retryAfter;
    }

    /**
     * The request breaks a limit or is malformed: fix it and send it again.
     *
     * @param message what to change
     * @return the exception, answered 400
     */
    public static GenerationException badRequest(String message) {
        return new GenerationException(HttpStatus.BAD_REQUEST, message);
    }

    /**
     * Too many requests are running or waiting: try again later.
     *
     * @param message what is busy
     * @param retryAfter when to try again
     * @return the exception, answered 429
     */
    public static GenerationException busy(String message, Duration retryAfter) {
        return new GenerationException(HttpStatus.TOO_MANY_REQUESTS, message, retryAfter);
    }
}
