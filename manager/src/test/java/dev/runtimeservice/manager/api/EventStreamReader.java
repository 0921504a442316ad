package dev.runtimeservice.manager.api;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A test's client of a Server-Sent Events answer: each event (or plain line) read on a thread into a queue. */
final class EventStreamReader implements AutoCloseable {

    /** One event as it came: its id, name and data (for plain text, the line as data). */
    record Event(String id, String name, String data) {}

    /** The name of the event added when the answer ends. */
    static final String END = "(end of the answer)";

    /** The name of the event added when reading the answer fails. */
    static final String BROKEN = "(broken answer)";

    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final InputStream body;
    private final Thread thread;
    final int status;

    private EventStreamReader(HttpResponse<InputStream> response, boolean plain) {
        this.status = response.statusCode();
        this.body = response.body();
        this.thread = new Thread(() -> read(plain), "test-sse-reader");
        thread.setDaemon(true);
        thread.start();
    }

    /** Opens {@code url} with these request headers (name, value, ...). */
    static EventStreamReader open(String url, String... headers) throws Exception {
        return open(url, false, headers);
    }

    /** Opens a plain-text stream: every line is an event with only data. */
    static EventStreamReader openPlain(String url, String... headers) throws Exception {
        return open(url, true, headers);
    }

    private static EventStreamReader open(String url, boolean plain, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        HttpResponse<InputStream> response =
                HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        return new EventStreamReader(response, plain);
    }

    private void read(boolean plain) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            String id = "";
            String name = "message";
            StringBuilder data = new StringBuilder();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (plain) {
                    events.add(new Event("", "line", line));
                } else if (line.isEmpty()) {
                    if (data.length() > 0) {
                        events.add(new Event(id, name, data.toString()));
                    }
                    name = "message";
                    data.setLength(0);
                } else if (line.startsWith("id: ")) {
                    id = line.substring(4);
                } else if (line.startsWith("event: ")) {
                    name = line.substring(7);
                } else if (line.startsWith("data: ")) {
                    data.append(data.length() > 0 ? "\n" : "").append(line.substring(6));
                }
            }
            events.add(new Event("", END, ""));
        } catch (IOException broken) {
            // The test closed it, or the connection broke: the second shows in a failed test's "read" list.
            events.add(new Event("", BROKEN, broken.toString()));
        }
    }

    /** The events read until one matches {@code last}, within {@code timeout}; fails if none does. */
    List<Event> until(Predicate<Event> last, Duration timeout) throws InterruptedException {
        List<Event> seen = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Event event = events.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (event == null) {
                break;
            }
            seen.add(event);
            if (last.test(event)) {
                return seen;
            }
        }
        throw new AssertionError("no matching event within " + timeout + "; read: " + seen
                + "; the stream hub's thread: " + hubThread());
    }

    /** Where the manager's stream thread (in this JVM) is, for a test whose stream stalled. */
    private static String hubThread() {
        return Thread.getAllStackTraces().entrySet().stream()
                .filter(entry -> entry.getKey().getName().startsWith("streams"))
                .map(entry -> entry.getKey().getName() + " " + entry.getKey().getState() + " at "
                        + java.util.Arrays.toString(entry.getValue()))
                .toList()
                .toString();
    }

    @Override
    public void close() throws IOException {
        body.close();
        thread.interrupt();
    }
}
