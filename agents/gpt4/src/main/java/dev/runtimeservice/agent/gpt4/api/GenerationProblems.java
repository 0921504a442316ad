package dev.runtimeservice.agent.gpt4.api;

import dev.runtimeservice.agent.gpt4.generation.GenerationException;
import java.time.Duration;
import java.util.stream.Collectors;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Answers generation errors and bad request bodies as problem+json with a detail that says what
 * to do; a busy or rate-limited provider also gets {@code Retry-After}.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class GenerationProblems {

    @ExceptionHandler(GenerationException.class)
    ResponseEntity<ProblemDetail> generation(GenerationException exception) {
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(exception.status());
        Duration retryAfter = exception.retryAfter();
        if (retryAfter != null) {
            answer.header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, retryAfter.toSeconds())));
        }
        return answer.body(ProblemDetail.forStatusAndDetail(exception.status(), exception.getMessage()));
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<ProblemDetail> invalid(MethodArgumentNotValidException exception) {
        String fields = exception.getBindingResult().getFieldErrors().stream()
                .map(error -> "'%s' %s".formatted(error.getField(), error.getDefaultMessage()))
                .sorted()
                .collect(Collectors.joining("; "));
        return badRequest("The request body is not valid: " + fields + ". Fix these fields and send it again.");
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException exception) {
        return badRequest(
                "The request body is not the JSON this endpoint takes; see the agent's README for its fields.");
    }

    private static ResponseEntity<ProblemDetail> badRequest(String detail) {
        return ResponseEntity.badRequest().body(ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail));
    }
}
