package dev.runtimeservice.agent.kendra.vfs;

import dev.runtimeservice.agent.sdk.error.AgentSdkException;
import org.springframework.http.HttpStatus;

/** The request to index files from vfs is malformed; nothing was read or indexed. */
class InvalidVfsIngestException extends AgentSdkException {

    InvalidVfsIngestException(String message) {
        super(HttpStatus.BAD_REQUEST, message);
    }
}
