package dev.runtimeservice.agent.sdk.a2a;

import org.springframework.http.HttpStatus;

/**
 * An A2A protocol error, with its JSON-RPC code, its HTTP status and reason for the HTTP+JSON binding, and a
 * message that says what to change.
 */
public final class A2aException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int code;
    private final HttpStatus httpStatus;
    private final String reason;

    private A2aException(int code, HttpStatus httpStatus, String reason, String message) {
        super(message);
        this.code = code;
        this.httpStatus = httpStatus;
        this.reason = reason;
    }

    static A2aException parseError(String message) {
        return new A2aException(-32700, HttpStatus.BAD_REQUEST, "PARSE_ERROR", message);
    }

    static A2aException invalidRequest(String message) {
        return new A2aException(-32600, HttpStatus.BAD_REQUEST, "INVALID_REQUEST", message);
    }

    static A2aException methodNotFound(String message) {
        return new A2aException(-32601, HttpStatus.NOT_FOUND, "METHOD_NOT_FOUND", message);
    }

    static A2aException invalidParams(String message) {
        return new A2aException(-32602, HttpStatus.BAD_REQUEST, "INVALID_PARAMS", message);
    }

    static A2aException taskNotFound(String id) {
        return new A2aException(
                -32001,
                HttpStatus.NOT_FOUND,
                "TASK_NOT_FOUND",
                "No task " + id + " here: it never existed or expired; list the tasks with ListTasks (GET /tasks).");
    }

    static A2aException taskNotCancelable(Task task) {
        return new A2aException(
                -32002,
                HttpStatus.BAD_REQUEST,
                "TASK_NOT_CANCELABLE",
                "Task " + task.id() + " is " + task.status().state() + " and cannot be cancelled any more.");
    }

    static A2aException pushNotificationNotSupported() {
        return new A2aException(
                -32003,
                HttpStatus.BAD_REQUEST,
                "PUSH_NOTIFICATION_NOT_SUPPORTED",
                "This agent does not send push notifications; stream the task (SubscribeToTask) or poll GetTask.");
    }

    static A2aException unsupportedOperation(String message) {
        return new A2aException(-32004, HttpStatus.BAD_REQUEST, "UNSUPPORTED_OPERATION", message);
    }

    static A2aException extendedCardNotConfigured() {
        return new A2aException(
                -32007,
                HttpStatus.BAD_REQUEST,
                "EXTENDED_AGENT_CARD_NOT_CONFIGURED",
                "This agent has no extended card; its card is at /.well-known/agent-card.json.");
    }

    static A2aException versionNotSupported(String version) {
        return new A2aException(
                -32009,
                HttpStatus.BAD_REQUEST,
                "VERSION_NOT_SUPPORTED",
                "A2A version " + version
                        + " is not served here; send A2A-Version: 1.0 (or 0.3), or leave the header out.");
    }

    /** @return the JSON-RPC error code */
    public int code() {
        return code;
    }

    /** @return the HTTP status for the HTTP+JSON binding */
    public HttpStatus httpStatus() {
        return httpStatus;
    }

    /** @return the error's reason, as in {@code google.rpc.ErrorInfo} */
    public String reason() {
        return reason;
    }
}
