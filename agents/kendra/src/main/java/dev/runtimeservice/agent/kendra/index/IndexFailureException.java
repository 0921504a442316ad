package dev.runtimeservice.agent.kendra.index;

import dev.runtimeservice.agent.sdk.error.AgentSdkException;
import java.io.IOException;
import org.springframework.http.HttpStatus;

/** The index could not be read or written; answered as 503 because a retry may succeed. */
public class IndexFailureException extends AgentSdkException {

    /**
     * Wraps an I/O failure.
     *
     * @param action what was being done, such as "commit the batch"
     * @param cause the failure
     */
    public IndexFailureException(String action, IOException cause) {
        super(
                HttpStatus.SERVICE_UNAVAILABLE,
                "Could not " + action + " (" + cause.getClass().getSimpleName()
                        + "); nothing of this request was acknowledged. Check the disk under the index folder and retry.");
        initCause(cause);
    }
}
