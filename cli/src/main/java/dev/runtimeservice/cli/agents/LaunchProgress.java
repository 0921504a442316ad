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

    private final @Nullable InputStream stream;
    private final @Nullable Thread reader;

    private LaunchProgress(@Nullable InputStream stream, @Nullable Thread reader) {
        this.stream = stream;
        this.reader = reader;
    }

    /** Starts printing the events of {@code agents}; prints nothing if the manager has no event stream. */
    static LaunchProgress start(ManagerClient client, List<String> agents, PrintWriter out) {
        String query = agents.stream()
                .map(name -> "agent=" + URLEncoder.encode(name, StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        InputStream stream;
        try {
            stream = client.open("/api/events?" + query, Map.of("Accept", "text/event-stream"));
        } catch (ManagerProblemException noStream) {
            return new LaunchProgress(null, null);
        }
        Thread reader = new Thread(() -> print(stream, out), "launch-progress");
        reader.setDaemon(true);
        reader.start();
        return new LaunchProgress(stream, reader);
    }

    private static void print(InputStream stream, PrintWriter out) {
        try {
            ServerSentEvents.read(stream, event -> {
                if (event.name().equals("state") || event.name().equals("restart")) {
                    synchronized (out) {
                        out.println(EventLine.of(event.data()));
                        out.flush();
                    }
                }
                return true;
            });
        } catch (IOException | RuntimeException closed) {
            // closed when the launch answered
        }
    }

    /** Stops printing, after the events that arrived with the launch's answer had a moment to be printed. */
    @Override
    public void close() {
        if (reader != null && stream != null) {
            try {
                reader.join(200);
                stream.close();
                reader.join(1000);
            } catch (IOException e) {
                // nothing more to print
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
