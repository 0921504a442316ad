package dev.runtimeservice.agent.orchestrator.discovery;

import dev.runtimeservice.common.sse.ServerSentEvents;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Follows the manager's lifecycle events ({@code GET /api/events}) and says when an agent started or stopped running,
 * so that discovery looks again at once instead of at its next poll. Asking the manager every few seconds kept it
 * busy while nothing changed (most of its idle CPU). After the stream ends it opens it again, from the last event
 * read ({@code Last-Event-ID}), waiting 1 s, then twice as long each time up to 30 s, while it cannot.
 */
@Component
class ManagerEventFeed implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ManagerEventFeed.class);
    private static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    private static final Duration LONGEST_RETRY = Duration.ofSeconds(30);
    private static final String RUNNING = "RUNNING";

    private final ManagerClient manager;
    private final JsonMapper json;
    private volatile boolean following;
    private volatile @Nullable InputStream open;
    private @Nullable Thread reader;
    private @Nullable String lastEventId;
    private String lastError = "";

    ManagerEventFeed(ManagerClient manager, JsonMapper json) {
        this.manager = manager;
        this.json = json;
    }

    /**
     * Starts following the events on a thread of its own.
     *
     * @param runningChanged called when an agent may have started or stopped running: once each time the stream
     *     opens (what changed before it did), and on each such event
     */
    synchronized void follow(Runnable runningChanged) {
        if (following) {
            return;
        }
        following = true;
        Thread thread = new Thread(() -> readUntilStopped(runningChanged), "manager-events");
        thread.setDaemon(true);
        thread.start();
        reader = thread;
    }

    @Override
    public synchronized void destroy() {
        following = false;
        closeQuietly(open);
        if (reader != null) {
            reader.interrupt();
        }
    }

    private void readUntilStopped(Runnable runningChanged) {
        Duration retry = FIRST_RETRY;
        while (following) {
            try (InputStream events = manager.events(lastEventId)) {
                open = events;
                if (!following) {
                    return;
                }
                lastError = "";
                runningChanged.run();
                if (read(events, runningChanged)) {
                    retry = FIRST_RETRY;
                }
            } catch (EventsRefusedException e) {
                sayOnce(String.valueOf(e.getMessage()));
            } catch (DiscoveryException | IOException e) {
                // A manager that does not answer: the poll says so already, as a warning.
                log.debug("Cannot follow the manager's events now: {}", e.getMessage());
            } finally {
                open = null;
            }
            if (!sleep(retry)) {
                return;
            }
            Duration doubled = retry.multipliedBy(2);
            retry = doubled.compareTo(LONGEST_RETRY) < 0 ? doubled : LONGEST_RETRY;
        }
    }

    /** Reads events until the stream ends or the feed stops, and tells whether any came. */
    private boolean read(InputStream events, Runnable runningChanged) throws IOException {
        boolean[] any = {false};
        ServerSentEvents.read(events, event -> {
            any[0] = true;
            if (!event.id().isEmpty()) {
                lastEventId = event.id();
            }
            if (changesWhatRuns(event.name(), event.data())) {
                runningChanged.run();
            }
            return following;
        });
        return any[0];
    }

    /** A launch that became RUNNING or left it, or events the manager no longer keeps ({@code gap}). */
    private boolean changesWhatRuns(String name, String data) {
        if ("gap".equals(name)) {
            return true;
        }
        if (!"state".equals(name)) {
            return false;
        }
        try {
            JsonNode event = json.readTree(data);
            return RUNNING.equals(event.path("state").asString(""))
                    || RUNNING.equals(event.path("previous").asString(""));
        } catch (JacksonException e) {
            return true; // not understood: looking again costs little
        }
    }

    /** Says why the manager refuses its events once, not at every retry; discovery still polls meanwhile. */
    private void sayOnce(String error) {
        if (following && !error.equals(lastError)) {
            log.info(
                    "Not following the manager's events ({}): discovery sees agents start and stop only at its polls,"
                            + " every orchestrator.discovery-interval",
                    error);
        }
        lastError = error;
    }

    private boolean sleep(Duration retry) {
        try {
            Thread.sleep(retry.toMillis());
            return following;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void closeQuietly(@Nullable InputStream stream) {
        if (stream != null) {
            try {
                stream.close();
            } catch (IOException e) {
                // It is being given up anyway.
            }
        }
    }
}
