package dev.runtimeservice.agent.vfs.error;

import org.springframework.http.HttpStatus;

/** A file larger than the per-file limit; answered with 413. */
public class FileTooLargeException extends VfsException {

    /**
     * Creates the exception.
     *
     * @param message what went wrong, naming virtual paths only, and what to do
     */
    public FileTooLargeException(String message) {
        super(HttpStatus.CONTENT_TOO_LARGE, message);
    }
}
