package dev.runtimeservice.agent.vfs.error;

import org.springframework.http.HttpStatus;

/** A write that would take the data root past its size limit; answered with 507. */
public class StorageFullException extends VfsException {

    /**
     * Creates the exception.
     *
     * @param message what went wrong, naming virtual paths only, and what to do
     */
    public StorageFullException(String message) {
        super(HttpStatus.INSUFFICIENT_STORAGE, message);
    }
}
