package dev.runtimeservice.agent.kendra.vfs;

import dev.runtimeservice.agent.sdk.error.AgentSdkException;
import org.springframework.http.HttpStatus;

/**
 * vfs refused a call: its 4xx status is passed on (a bad glob, a missing folder), its 5xx ones become 502.
 * Per file, the message is reported in {@code failed} instead.
 */
class VfsAnswerException extends AgentSdkException {

    VfsAnswerException(int vfsStatus, String message) {
        super(passedOn(vfsStatus), message);
    }

    private static HttpStatus passedOn(int vfsStatus) {
        HttpStatus status = HttpStatus.resolve(vfsStatus);
        return status != null && status.is4xxClientError() ? status : HttpStatus.BAD_GATEWAY;
    }
}
