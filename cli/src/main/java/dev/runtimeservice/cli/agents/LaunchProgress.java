package dev.runtimeservice.cli.agents;

import dev.runtimeservice.cli.client.Json;
import dev.runtimeservice.cli.client.ManagerClient;
import dev.runtimeservice.cli.client.ManagerProblemException;
import dev.runtimeservice.cli.client.ManagerUnreachableException;
import dev.runtimeservice.cli.events.EventLine;
import dev.runtimeservice.common.sse.ServerSentEvents;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.net.SocketTimeoutException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Prints each launched agent's lifecycle events while a launch request waits for them to be ready, from the
 * manager's event stream, opened before the launch is sent so that no event is missed.
 */
final class LaunchProgress implements AutoCloseable {

    /**
     * How long one read of the stream waits before its thread checks whether to stop. The JVM's exit waits up to
     * 300 ms for a thread blocked in a socket read (Java 17), and the JDK's {@code HttpURLConnection} cannot close a
     * stream while another thread reads it: a reader that wakes this often is gone soon after it is told to stop.
     * The manager sends the stream's headers at once, well within it.
     */
    private static final Duration WAKE_EVERY = Duration.ofMillis(100);

    /** How long {@link #close} waits for an agent's last state, which the launch's answer can overtake. */
    private static final long SETTLE_WAIT_NANOS = TimeUnit.MILLISECONDS.toNanos(200);

    /** Printed to, and the lock of the fields below. */
    private final PrintWriter out;
    /** The agents shown STARTING whose RUNNING, FAILED or STOPPED has not come yet. */
    private final Set<String> unsettled = new HashSet<>();
    /** Set when the launch has answered: nothing is printed after that, and the reader stops. */
    private boolean done;

    private LaunchProgress(PrintWriter out, @Nullable InputStream stream) {
        this.out = out;
        if (stream != null) {
            Thread reader = new Thread(() -> print(stream), "launch-progress");
            reader.setDaemon(true);
            reader.start();
        }
    }

    /** Starts printing the events of {@code agents}; prints nothing if the manager has no event stream. */
    static LaunchProgress start(ManagerClient client, List<String> agents, PrintWriter out) {
        String query = agents.stream()
                .map(name -> "agent=" + URLEncoder.encode(name, StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        try {
            return new LaunchProgress(
                    out, client.open("/api/events?" + query, Map.of("Accept", "text/event-stream"), WAKE_EVERY));
        } catch (ManagerProblemException | ManagerUnreachableException noStream) {
            // The launch goes on without progress lines: its own answer says whether the manager can be reached.
            return new LaunchProgress(out, null);
        }
    }

    private void print(InputStream stream) {
        try (InputStream events = new StopsWhenDone(stream)) {
            ServerSentEvents.read(events, event -> {
                synchronized (out) {
                    if (done) {
                        return false;
                    }
                    if (event.name().equals("state") || event.name().equals("restart")) {
                        JsonNode data = Json.MAPPER.readTree(event.data());
                        out.println(EventLine.of(data));
                        out.flush();
                        track(data);
                    }
                    return true;
                }
            });
        } catch (IOException | RuntimeException closed) {
            // the manager ended the stream
        }
    }

    /** Keeps {@link #unsettled} up to date; called under the output's lock. */
    private void track(JsonNode data) {
        String agent = data.path("agent").asString("");
        switch (data.path("state").asString("")) {
            case "STARTING" -> unsettled.add(agent);
            case "RUNNING", "FAILED", "STOPPED" -> {
                unsettled.remove(agent);
                out.notifyAll();
            }
            default -> {
                // STOPPING, BACKOFF, or a restart: the agent is not settled yet
            }
        }
    }

    /**
     * Stops printing, once every agent shown starting has shown its last state (at most {@link #SETTLE_WAIT_NANOS}
     * later: the launch's answer can arrive before that event). The reader stops at its next wake.
     */
    @Override
    public void close() {
        synchronized (out) {
            long deadline = System.nanoTime() + SETTLE_WAIT_NANOS;
            long left = SETTLE_WAIT_NANOS;
            while (!unsettled.isEmpty() && left > 0) {
                try {
                    TimeUnit.NANOSECONDS.timedWait(out, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
                left = deadline - System.nanoTime();
            }
            done = true;
        }
    }

    private boolean isDone() {
        synchronized (out) {
            return done;
        }
    }

    /** The stream, whose reads that waited {@link #WAKE_EVERY} in vain are tried again, or end it once done. */
    private final class StopsWhenDone extends FilterInputStream {

        StopsWhenDone(InputStream stream) {
            super(stream);
        }

        @Override
        public int read() throws IOException {
            while (true) {
                try {
                    return super.read();
                } catch (SocketTimeoutException idle) {
                    if (isDone()) {
                        return -1;
                    }
                }
            }
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            while (true) {
                try {
                    return super.read(buffer, offset, length);
                } catch (SocketTimeoutException idle) {
                    if (isDone()) {
                        return -1;
                    }
                }
            }
        }
    }
}
