package dev.runtimeservice.agent.sdk.error;

import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Answers every {@link AgentSdkException} as an RFC 9457 problem detail. */
@RestControllerAdvice
class AgentProblemHandler {

    @ExceptionHandler(AgentSdkException.class)
    ResponseEntity<ProblemDetail> handle(AgentSdkException exception) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(exception.status(), exception.getMessage());
        return ResponseEntity.status(exception.status()).body(problem);
    }
}
