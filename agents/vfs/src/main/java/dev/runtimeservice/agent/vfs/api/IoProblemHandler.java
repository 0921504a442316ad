package dev.runtimeservice.agent.vfs.api;

import java.io.UncheckedIOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Answers a file-system failure as a 500 problem; the message names the virtual path only, never
 * where the file really is.
 */
@RestControllerAdvice
class IoProblemHandler {

    private static final Logger log = LoggerFactory.getLogger(IoProblemHandler.class);

    @ExceptionHandler(UncheckedIOException.class)
    ResponseEntity<ProblemDetail> handle(UncheckedIOException exception) {
        log.warn("{}", exception.getMessage());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.INTERNAL_SERVER_ERROR,
                exception.getMessage() + ". The host file system refused the operation; check the vfs log and "
                        + "the disk, then retry.");
        return ResponseEntity.internalServerError().body(problem);
    }
}
