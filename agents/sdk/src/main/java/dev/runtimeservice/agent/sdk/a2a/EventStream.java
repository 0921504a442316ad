package dev.runtimeservice.agent.sdk.a2a;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Writes a task's events as server-sent events on the request's own thread until the task ends or waits for input,
 * with a comment line every {@link #KEEP_ALIVE} so that a client that went away is noticed.
 */
final class EventStream {

    static final Duration KEEP_ALIVE = Duration.ofSeconds(15);

    private EventStream() {}

    /**
     * @param events the task's events, the snapshot first
     * @param response where to write
     * @param frame turns an event into the JSON of one {@code data:} line
     * @return normally once the last event is written; early when the client went away
     */
    static void write(Subscription subscription, HttpServletResponse response, Function<StreamResponse, String> frame)
            throws InterruptedException {
        try {
            write(subscription.events(), response, frame);
        } finally {
            subscription.close();
        }
    }

    private static void write(
            BlockingQueue<StreamResponse> events, HttpServletResponse response, Function<StreamResponse, String> frame)
            throws InterruptedException {
        response.setStatus(200);
        response.setContentType("text/event-stream");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-cache");
        try {
            OutputStream out = response.getOutputStream();
            while (true) {
                StreamResponse event = events.poll(KEEP_ALIVE.toMillis(), TimeUnit.MILLISECONDS);
                String text = event == null ? ": still working\n\n" : "data: " + frame.apply(event) + "\n\n";
                out.write(text.getBytes(StandardCharsets.UTF_8));
                out.flush();
                if (event != null && event.isLast()) {
                    return;
                }
            }
        } catch (IOException clientWentAway) {
            // Nothing to tell: the client stopped reading. The task itself goes on.
        }
    }
}
