package dev.runtimeservice.agent.sdk.resources;

import dev.runtimeservice.agent.sdk.error.AgentSdkException;
import java.nio.file.Path;
import org.springframework.http.HttpStatus;

/**
 * Thrown at start when the resources file cannot be used; the message names the file and the
 * problem, never the file's content.
 */
public final class ResourcesFileException extends AgentSdkException {

    /** The file that could not be used (not serialized: {@link Path} is not serializable). */
    private final transient Path file;

    ResourcesFileException(Path file, String problem) {
        super(HttpStatus.INTERNAL_SERVER_ERROR, "Resources file " + file + " " + problem);
        this.file = file;
    }

    /**
     * Returns the file that could not be used.
     *
     * @return the resources file
     */
    public Path file() {
        return file;
    }
}
