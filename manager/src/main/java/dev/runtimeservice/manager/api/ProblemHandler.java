package dev.runtimeservice.manager.api;

import dev.runtimeservice.manager.agent.AgentNames;
import dev.runtimeservice.manager.agent.AgentState;
import dev.runtimeservice.manager.agent.NameText;
import dev.runtimeservice.manager.error.RuntimeServiceException;
import dev.runtimeservice.manager.security.BodyTimeoutException;
import java.net.SocketTimeoutException;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/** Maps every error to RFC 9457 problem+json, in one place, with a detail that says what to do. */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    static final String LAUNCH_BODY = "{\"agents\": [\"vfs\", \"kendra\"], \"resources\": {}}";

    @ExceptionHandler(RuntimeServiceException.class)
    ProblemDetail runtimeService(RuntimeServiceException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(e.status(), e.getMessage());
        problem.setTitle(e.title());
        e.properties().forEach(problem::setProperty);
        return problem;
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
        String allowed = e.getRequiredType() == AgentState.class
                ? " Use one of " + Arrays.toString(AgentState.values()) + "."
                : "";
        return badRequest("'" + e.getValue() + "' is not a valid value for '" + e.getName() + "'." + allowed);
    }

    /** A query string Tomcat cannot decode ({@code %ff}, {@code %}, {@code %zz}): the client's mistake, not ours. */
    @ExceptionHandler(InvalidParameterException.class)
    ProblemDetail undecodableParameters(InvalidParameterException e) {
        return badRequest("The query string is not valid percent-encoded UTF-8. Encode each value as UTF-8 and "
                + "percent-encode it, as in /api/stop_agent?agent_name=vfs; agent names are " + AgentNames.RULE + ".");
    }

    /**
     * An error after the answer was committed cannot be told to the client any more: it is a stream whose client left
     * (Tomcat then dispatches the connection's error through here), so it is logged at DEBUG, not as Spring's WARN
     * "Response already committed", which a single broken-off stream used to print several times.
     */
    @Override
    protected @Nullable ResponseEntity<Object> handleExceptionInternal(
            Exception ex, @Nullable Object body, HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
        if (request instanceof ServletWebRequest servlet
                && servlet.getResponse() != null
                && servlet.getResponse().isCommitted()) {
            log.debug(
                    "{} {}: an error after the answer was committed: {}",
                    servlet.getRequest().getMethod(),
                    servlet.getRequest().getRequestURI(),
                    ex.toString());
            return null;
        }
        return super.handleExceptionInternal(ex, body, headers, statusCode, request);
    }

    /** Spring's "No static resource api/x." named its own machinery; this says where the paths are listed. */
    @Override
    protected @Nullable ResponseEntity<Object> handleNoResourceFoundException(
            NoResourceFoundException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.NOT_FOUND,
                "Nothing is served at /" + e.getResourcePath() + ". The API's paths: GET /api/list_agents, POST "
                        + "/api/launch_agents, POST /api/stop_agent, GET /api/agents/{name}/logs, GET /api/events "
                        + "and more, all described at /v3/api-docs.");
        return handleExceptionInternal(e, problem, headers, HttpStatus.NOT_FOUND, request);
    }

    /** Spring's "Method 'GET' is not supported." did not say which method is. */
    @Override
    protected @Nullable ResponseEntity<Object> handleHttpRequestMethodNotSupported(
            HttpRequestMethodNotSupportedException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String path = request instanceof ServletWebRequest servlet
                ? servlet.getRequest().getRequestURI()
                : "this path";
        Set<HttpMethod> supported = Objects.requireNonNullElse(e.getSupportedHttpMethods(), Set.of());
        String use = supported.stream().map(HttpMethod::name).sorted().collect(Collectors.joining(" or "));
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.METHOD_NOT_ALLOWED,
                e.getMethod() + " is not supported at " + path + (use.isEmpty() ? "." : ": use " + use + "."));
        return handleExceptionInternal(e, problem, headers, HttpStatus.METHOD_NOT_ALLOWED, request);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof BodyTimeoutException || cause instanceof SocketTimeoutException) {
                ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                        HttpStatus.REQUEST_TIMEOUT,
                        cause instanceof BodyTimeoutException
                                ? cause.getMessage()
                                : "The request body stopped "
                                        + "arriving (server.tomcat.connection-timeout); send it at once, with its "
                                        + "Content-Length.");
                problem.setTitle("Request body too slow");
                return ResponseEntity.status(HttpStatus.REQUEST_TIMEOUT).body(problem);
            }
        }
        return ResponseEntity.badRequest()
                .body(badRequest("The request body is not valid JSON of the expected form. "
                        + "Send an object such as " + LAUNCH_BODY + " with Content-Type: application/json; 'resources' "
                        + "must be an object."));
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<String> errors = e.getBindingResult().getFieldErrors().stream()
                .map(ProblemHandler::describe)
                .toList();
        return ResponseEntity.badRequest().body(invalid(errors));
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<String> errors = e.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream()
                        .map(error -> result.getMethodParameter().getParameterName() + " "
                                + rejected(result.getArgument()) + message(error)))
                .toList();
        return ResponseEntity.badRequest().body(invalid(errors));
    }

    private static ProblemDetail invalid(List<String> errors) {
        ProblemDetail problem = badRequest("The request is invalid: " + String.join("; ", errors) + ".");
        problem.setProperty("errors", errors);
        return problem;
    }

    private static ProblemDetail badRequest(String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setTitle("Invalid request");
        return problem;
    }

    private static String describe(FieldError error) {
        String value = error.getRejectedValue() instanceof String text ? " (" + NameText.quoted(text) + ")" : "";
        return error.getField() + value + " " + error.getDefaultMessage();
    }

    private static String rejected(@Nullable Object argument) {
        return argument instanceof String text ? "(" + NameText.quoted(text) + ") " : "";
    }

    private static String message(MessageSourceResolvable error) {
        return Stream.ofNullable(error.getDefaultMessage()).findFirst().orElse("is invalid");
    }
}
