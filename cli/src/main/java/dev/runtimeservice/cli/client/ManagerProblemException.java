package dev.runtimeservice.cli.client;

import tools.jackson.databind.JsonNode;

/** The manager answered with an error; the message is its problem's {@code detail}, on one line. */
public final class ManagerProblemException extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private final int status;

    ManagerProblemException(int status, String detail) {
        super(detail);
        this.status = status;
    }

    /** The HTTP status the manager answered. */
    public int status() {
        return status;
    }

    static ManagerProblemException of(String method, String path, int status, String body) {
        return new ManagerProblemException(status, oneLine(detail(method, path, status, body)));
    }

    private static String detail(String method, String path, int status, String body) {
        try {
            JsonNode problem = Json.MAPPER.readTree(body);
            String detail = problem.path("detail").asString("");
            if (!detail.isBlank()) {
                return detail;
            }
            String title = problem.path("title").asString("");
            if (!title.isBlank()) {
                return status + " " + title + " (" + method + " " + withoutQuery(path) + ")";
            }
        } catch (RuntimeException notJson) {
            // fall through: some proxies answer in HTML or plain text
        }
        String start = body.strip();
        return "the manager answered " + status + " to " + method + " " + withoutQuery(path)
                + (start.isEmpty() ? "" : ": " + start.substring(0, Math.min(200, start.length())));
    }

    private static String withoutQuery(String path) {
        int query = path.indexOf('?');
        return query < 0 ? path : path.substring(0, query);
    }

    private static String oneLine(String text) {
        return text.strip().replaceAll("\\s*\\R\\s*", " ");
    }
}
