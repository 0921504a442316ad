package dev.runtimeservice.agent.sdk.a2a;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The A2A HTTP+JSON binding below {@value #PATH}: {@code POST message:send}, {@code POST message:stream},
 * {@code GET tasks/{id}}, {@code GET tasks}, {@code POST tasks/{id}:cancel}, {@code GET|POST tasks/{id}:subscribe};
 * errors as {@code google.rpc.Status} JSON with the A2A reason.
 */
@RestController
@RequestMapping(RestBindingController.PATH)
class RestBindingController {

    static final String PATH = "/a2a/rest";
    private static final String MEDIA_TYPE = "application/a2a+json";

    private final TaskService tasks;
    private final JsonMapper json;

    RestBindingController(TaskService tasks, JsonMapper json) {
        this.tasks = tasks;
        this.json = json;
    }

    @PostMapping("/message:send")
    ResponseEntity<Object> send(@RequestBody(required = false) byte @Nullable [] body, HttpServletRequest request)
            throws InterruptedException {
        version(request);
        return ok(Map.of("task", tasks.send(read(body))));
    }

    @PostMapping("/message:stream")
    void stream(
            @RequestBody(required = false) byte @Nullable [] body,
            HttpServletRequest request,
            HttpServletResponse response)
            throws InterruptedException {
        version(request);
        EventStream.write(tasks.stream(read(body)), response, json::writeValueAsString);
    }

    @GetMapping("/tasks/{id}")
    ResponseEntity<Object> get(
            @PathVariable String id,
            @RequestParam(required = false) @Nullable Integer historyLength,
            HttpServletRequest request) {
        version(request);
        return ok(tasks.get(id, historyLength));
    }

    @GetMapping("/tasks")
    ResponseEntity<Object> list(
            @RequestParam(required = false) @Nullable String contextId,
            @RequestParam(required = false) @Nullable TaskState status,
            @RequestParam(required = false) @Nullable Integer pageSize,
            @RequestParam(required = false) @Nullable String pageToken,
            @RequestParam(required = false) @Nullable Integer historyLength,
            @RequestParam(required = false) @Nullable Boolean includeArtifacts,
            HttpServletRequest request) {
        version(request);
        return ok(tasks.list(
                new Requests.ListTasks(contextId, status, pageSize, pageToken, historyLength, includeArtifacts)));
    }

    @PostMapping("/tasks/{id}:cancel")
    ResponseEntity<Object> cancel(@PathVariable String id, HttpServletRequest request) throws InterruptedException {
        version(request);
        return ok(tasks.cancel(id));
    }

    @RequestMapping(
            path = "/tasks/{id}:subscribe",
            method = {
                org.springframework.web.bind.annotation.RequestMethod.GET,
                org.springframework.web.bind.annotation.RequestMethod.POST
            })
    void subscribe(@PathVariable String id, HttpServletRequest request, HttpServletResponse response)
            throws InterruptedException {
        version(request);
        EventStream.write(tasks.subscribe(id), response, json::writeValueAsString);
    }

    @RequestMapping("/tasks/{id}/pushNotificationConfigs/**")
    void pushNotifications() {
        throw A2aException.pushNotificationNotSupported();
    }

    @RequestMapping("/tasks/{id}/pushNotificationConfigs")
    void pushNotificationList() {
        throw A2aException.pushNotificationNotSupported();
    }

    @GetMapping("/extendedAgentCard")
    void extendedCard() {
        throw A2aException.extendedCardNotConfigured();
    }

    /** A query parameter of the wrong type ({@code ?status=DONE}, {@code ?historyLength=all}) is invalid params. */
    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    void badParameter(MethodArgumentTypeMismatchException e, HttpServletResponse response) throws IOException {
        String value = String.valueOf(e.getValue());
        Class<?> type = e.getRequiredType();
        String expected = type != null && type.isEnum()
                ? "one of "
                        + Arrays.stream(type.getEnumConstants())
                                .map(String::valueOf)
                                .toList()
                : type == Boolean.class ? "true or false" : "a whole number";
        failure(
                A2aException.invalidParams("Query parameter " + e.getName() + " must be " + expected + ", not '"
                        + (value.length() > 40 ? value.substring(0, 40) + "..." : value) + "'."),
                response);
    }

    @ExceptionHandler(A2aException.class)
    void failure(A2aException e, HttpServletResponse response) throws IOException {
        Map<String, Object> info = Map.of(
                "@type",
                "type.googleapis.com/google.rpc.ErrorInfo",
                "reason",
                e.reason(),
                "domain",
                "a2a-protocol.org");
        Map<String, Object> error = Map.of(
                "code",
                e.httpStatus().value(),
                "status",
                e.httpStatus().name(),
                "message",
                e.getMessage(),
                "details",
                java.util.List.of(info));
        response.setStatus(e.httpStatus().value());
        response.setContentType(MEDIA_TYPE);
        response.getOutputStream().write(json.writeValueAsBytes(Map.of("error", error)));
    }

    private Requests.SendMessage read(byte @Nullable [] body) {
        if (body == null || body.length == 0) {
            throw A2aException.invalidRequest("The body is empty: send {\"message\": {\"messageId\": ..., "
                    + "\"role\": \"ROLE_USER\", \"parts\": [{\"text\": ...}]}}.");
        }
        try {
            return json.readValue(new String(body, StandardCharsets.UTF_8), Requests.SendMessage.class);
        } catch (DatabindException e) {
            // JSON, but not the shape of the request: invalid params, as the JSON-RPC binding answers it.
            throw A2aException.invalidParams(
                    "The body does not fit a SendMessageRequest: " + e.getOriginalMessage() + ".");
        } catch (JacksonException e) {
            throw A2aException.parseError("The body is not JSON: " + e.getOriginalMessage() + ".");
        }
    }

    private static void version(HttpServletRequest request) {
        Versions.check(request.getHeader(Versions.HEADER), request.getParameter(Versions.HEADER));
    }

    private static ResponseEntity<Object> ok(Object body) {
        return ResponseEntity.ok().header("Content-Type", MEDIA_TYPE).body(body);
    }
}
