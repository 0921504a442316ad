package dev.runtimeservice.manager.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tomcat's last word on a request that failed before it reached the application (a path it cannot decode, such as
 * {@code /api/agents/%ff/logs}): problem+json instead of Tomcat's HTML page, and never a stack trace.
 */
public class ProblemReportValve extends ErrorReportValve {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    protected void report(Request request, Response response, @Nullable Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", status == 400 ? "Invalid request" : "Error " + status);
        problem.put("status", status);
        problem.put(
                "detail",
                status == 400
                        ? "The request could not be read: its path or headers are malformed or "
                                + "not valid percent-encoded UTF-8. Agent names are lowercase letters, digits, '-' or '_', as in "
                                + "/api/agents/vfs/logs."
                        : "The manager could not handle the request; its log (runtime.log) says why.");
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.getWriter().write(JSON.writeValueAsString(problem));
            response.finishResponse();
        } catch (IOException | IllegalStateException e) {
            // The client is gone or the response cannot take a body any more; the status line is all it gets.
            response.getCoyoteResponse().action(ActionCode.CLOSE, null);
        }
    }
}
