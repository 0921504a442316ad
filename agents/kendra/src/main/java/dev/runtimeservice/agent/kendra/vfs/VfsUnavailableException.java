package dev.runtimeservice.agent.kendra.vfs;

import dev.runtimeservice.agent.sdk.error.AgentSdkException;
import org.springframework.http.HttpStatus;

/** The manager or vfs cannot be reached, or vfs is not running: nothing was indexed; a retry may succeed. */
class VfsUnavailableException extends AgentSdkException {

    VfsUnavailableException(String message) {
        super(HttpStatus.SERVICE_UNAVAILABLE, message);
    }
}
