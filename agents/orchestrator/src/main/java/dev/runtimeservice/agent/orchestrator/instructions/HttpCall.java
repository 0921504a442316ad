package dev.runtimeservice.agent.orchestrator.instructions;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * One HTTP call to an agent.
 *
 * @param method the HTTP method
 * @param path the path and query, encoded
 * @param body the body, or {@code null}
 * @param contentType the body's media type, or {@code null}
 */
record HttpCall(
        String method,
        String path,
        @Nullable String body,
        @Nullable String contentType) {

    static HttpCall get(String path) {
        return new HttpCall("GET", path, null, null);
    }

    static HttpCall json(String method, String path, String body) {
        return new HttpCall(method, path, body, "application/json");
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
