package dev.runtimeservice.manager.error;

import org.springframework.http.HttpStatus;

/** The request itself is wrong; the detail says how to write it. */
public class InvalidRequestException extends RuntimeServiceException {

    public InvalidRequestException(String detail) {
        super(HttpStatus.BAD_REQUEST, "Invalid request", detail);
    }
}
