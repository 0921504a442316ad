package dev.runtimeservice.agent.vfs.error;

import org.springframework.http.HttpStatus;

/** An If-Match or If-None-Match header that does not hold for the current version; answered with 412. */
public class PreconditionFailedException extends VfsException {

    /**
     * Creates the exception.
     *
     * @param message what went wrong, naming virtual paths only, and what to do
     */
    public PreconditionFailedException(String message) {
        super(HttpStatus.PRECONDITION_FAILED, message);
    }
}
