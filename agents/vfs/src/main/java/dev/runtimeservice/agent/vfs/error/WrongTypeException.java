package dev.runtimeservice.agent.vfs.error;

import org.springframework.http.HttpStatus;

/** A file where a folder is expected, or the reverse, or a target that already exists; answered with 409. */
public class WrongTypeException extends VfsException {

    /**
     * Creates the exception.
     *
     * @param message what went wrong, naming virtual paths only, and what to do
     */
    public WrongTypeException(String message) {
        super(HttpStatus.CONFLICT, message);
    }
}
