package dev.runtimeservice.agent.vfs.error;

import org.springframework.http.HttpStatus;

/** A virtual path that vfs refuses (it could leave the root, or it is malformed); answered with 400. */
public class BadPathException extends VfsException {

    /**
     * Creates the exception.
     *
     * @param message what went wrong, naming virtual paths only, and what to do
     */
    public BadPathException(String message) {
        super(HttpStatus.BAD_REQUEST, message);
    }
}
