package dev.runtimeservice.agent.gpt4.api;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import tools.jackson.databind.ObjectMapper;

/**
 * Writes server-sent events straight to the response, flushing each one; the response is
 * committed only with the first event, so a failure before it can still be answered as an error.
 * A client that went away makes {@link #send} throw, which stops the generation.
 */
final class SseWriter {

    private final HttpServletResponse response;
    private final ObjectMapper mapper;
    private boolean started;

    SseWriter(HttpServletResponse response, ObjectMapper mapper) {
        this.response = response;
        this.mapper = mapper;
    }

    boolean isStarted() {
        return started;
    }

    void send(Object event) throws IOException {
        write("data: " + mapper.writeValueAsString(event) + "\n\n");
    }

    void done() throws IOException {
        write("data: [DONE]\n\n");
    }

    private void write(String text) throws IOException {
        if (!started) {
            response.setStatus(HttpServletResponse.SC_OK);
            response.setContentType("text/event-stream");
            response.setCharacterEncoding("UTF-8");
            response.setHeader("Cache-Control", "no-cache");
            response.setHeader("X-Accel-Buffering", "no");
            started = true;
        }
        ServletOutputStream out = response.getOutputStream();
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }
}
