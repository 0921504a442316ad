package dev.runtimeservice.manager.streaming;

import dev.runtimeservice.manager.error.RuntimeServiceException;
import org.springframework.http.HttpStatus;

/** Every place for a long answer is taken. */
public final class TooManyStreamsException extends RuntimeServiceException {

    TooManyStreamsException(int max) {
        super(
                HttpStatus.SERVICE_UNAVAILABLE,
                "Too many streams",
                "The manager already serves " + max + " event streams and followed logs "
                        + "(runtime.streaming.max-streams); close one, or raise that setting.");
    }
}
