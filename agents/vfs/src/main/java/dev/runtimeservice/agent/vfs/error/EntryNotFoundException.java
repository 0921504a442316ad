package dev.runtimeservice.agent.vfs.error;

import org.springframework.http.HttpStatus;

/** A file or folder that does not exist; answered with 404. */
public class EntryNotFoundException extends VfsException {

    /**
     * Creates the exception.
     *
     * @param message what went wrong, naming virtual paths only, and what to do
     */
    public EntryNotFoundException(String message) {
        super(HttpStatus.NOT_FOUND, message);
    }
}
