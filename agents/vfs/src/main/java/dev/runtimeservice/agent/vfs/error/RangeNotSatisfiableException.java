package dev.runtimeservice.agent.vfs.error;

import org.springframework.http.HttpStatus;

/** A byte range that starts past the end of the file; answered with 416. */
public class RangeNotSatisfiableException extends VfsException {

    /**
     * Creates the exception.
     *
     * @param message what went wrong, naming virtual paths only, and what to do
     */
    public RangeNotSatisfiableException(String message) {
        super(HttpStatus.REQUESTED_RANGE_NOT_SATISFIABLE, message);
    }
}
