package dev.runtimeservice.cli.agents;

import dev.runtimeservice.cli.client.ManagerClient;
import dev.runtimeservice.cli.client.ManagerProblemException;
import dev.runtimeservice.cli.events.EventLine;
import dev.runtimeservice.common.sse.ServerSentEvents;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Prints each launched agent's lifecycle events while a launch request waits for them to be ready, from the
 * manager's event stream, opened before the launch is sent so that no event is missed.
 */
final class LaunchProgress implements AutoCloseable {

    private final PrintWriter out;
    private final @Nullable Thread reader;
    /** Set, under the output's lock, when the launch has answered: nothing is printed after that. */
    private boolean done;

    private LaunchProgress(PrintWriter out, @Nullable InputStream stream) {
        this.out = out;
        if (stream == null) {
            this.reader = null;
            return;
        }
        this.reader = new Thread(() -> print(stream), "launch-progress");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts printing the events of {@code agents}; prints nothing if the manager has no event stream. */
    static LaunchProgress start(ManagerClient client, List<String> agents, PrintWriter out) {
        String query = agents.stream()
                .map(name -> "agent=" + URLEncoder.encode(name, StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        try {
            return new LaunchProgress(out, client.open("/api/events?" + query, Map.of("Accept", "text/event-stream")));
        } catch (ManagerProblemException noStream) {
            return new LaunchProgress(out, null);
        }
    }

    private void print(InputStream stream) {
        try (stream) {
            ServerSentEvents.read(stream, event -> {
                synchronized (out) {
                    if (done) {
                        return false;
                    }
                    if (event.name().equals("state") || event.name().equals("restart")) {
                        out.println(EventLine.of(event.data()));
                        out.flush();
                    }
                    return true;
                }
            });
        } catch (IOException | RuntimeException closed) {
            // the manager ended the stream
        }
    }

    /**
     * Stops printing, after the events that arrived with the launch's answer had a moment to be printed. The reader
     * is left waiting for the stream's next event, which it does not print, and then closes the stream; it cannot be
     * woken sooner, since the JDK's {@code HttpURLConnection} closes a stream only once a read under way in another
     * thread has returned. It is a daemon, so it never holds the command's process, which ends right after; in a JVM
     * that lives on (the manager's tests run the commands in theirs), the stream stays open until the manager ends
     * it or an event for these agents comes.
     */
    @Override
    public void close() {
        if (reader == null) {
            return;
        }
        try {
            reader.join(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (out) {
            done = true;
        }
    }
}
