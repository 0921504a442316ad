package dev.runtimeservice.agent.vfs.error;

import org.springframework.http.HttpStatus;

/** A request whose parameters do not make sense together; answered with 400. */
public class BadRequestException extends VfsException {

    /**
     * Creates the exception.
     *
     * @param message what went wrong, naming virtual paths only, and what to do
     */
    public BadRequestException(String message) {
        super(HttpStatus.BAD_REQUEST, message);
    }
}
