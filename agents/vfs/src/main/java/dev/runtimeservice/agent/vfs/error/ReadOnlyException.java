package dev.runtimeservice.agent.vfs.error;

import org.springframework.http.HttpStatus;

/** A change to a read-only mount; answered with 403. */
public class ReadOnlyException extends VfsException {

    /**
     * Creates the exception.
     *
     * @param message what went wrong, naming virtual paths only, and what to do
     */
    public ReadOnlyException(String message) {
        super(HttpStatus.FORBIDDEN, message);
    }
}
