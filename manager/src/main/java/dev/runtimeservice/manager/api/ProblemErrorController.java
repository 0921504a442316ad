package dev.runtimeservice.manager.api;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The servlet container's error page: what a request gets when it fails outside a controller (a method the
 * route does not allow, such as TRACE; a malformed request Tomcat refused; an exception no handler mapped).
 * It replaces Spring Boot's default JSON error with problem+json, like every other error of the manager.
 */
@RestController
class ProblemErrorController implements ErrorController {

    @RequestMapping("${server.error.path:${error.path:/error}}")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        HttpStatus status = status(request);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail(status));
        problem.setTitle(status.getReasonPhrase());
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    private static HttpStatus status(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer value ? HttpStatus.resolve(value) : null;
        return status == null || !status.isError() ? HttpStatus.INTERNAL_SERVER_ERROR : status;
    }

    private static String detail(HttpStatus status) {
        return switch (status) {
            case METHOD_NOT_ALLOWED ->
                "This method is not allowed on this path. The API takes "
                        + "POST /api/launch_agents, GET /api/list_agents, POST /api/stop_agent and "
                        + "GET /api/agents/{name}/logs.";
            case NOT_FOUND -> "Nothing is served at this path. See /swagger-ui.html for the API.";
            case BAD_REQUEST ->
                "The request is malformed (its path, query or headers could not be read): encode "
                        + "names as UTF-8 and percent-encode them correctly, e.g. /api/stop_agent?agent_name=vfs.";
            // Tomcat answers a body read that waited too long itself, before any handler sees it.
            case REQUEST_TIMEOUT ->
                "The request body stopped arriving (server.tomcat.connection-timeout); send it at "
                        + "once, with its Content-Length.";
            case INTERNAL_SERVER_ERROR -> "The manager failed to handle the request; its log (runtime.log) says why.";
            default -> status.getReasonPhrase() + ".";
        };
    }
}
