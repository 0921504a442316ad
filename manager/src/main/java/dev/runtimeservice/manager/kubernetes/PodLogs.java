package dev.runtimeservice.manager.kubernetes;

import dev.runtimeservice.manager.logs.AgentOutputPump;
import dev.runtimeservice.manager.resources.SecretRedactor;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies a pod's log into the agent's log file, through the same pump as a local agent's output, so that logs,
 * {@code logs?follow} and the last lines of a failure read one file whatever the backend. The log is asked for once
 * the container has run (the pod watch tells): before that the API server has none. A log stream ends when the
 * container does; while the pod lives the log is followed again from where it ended, which picks up a container
 * Kubernetes restarted. A manager that lets go of its pods ends the copying.
 */
final class PodLogs implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(PodLogs.class);

    private final PodLogStreams streams;
    private final PodProcess process;
    private final SecretRedactor redactor;
    private final Duration retry;
    private final BooleanSupplier hostClosed;
    private @Nullable Instant since;

    private PodLogs(
            PodLogStreams streams,
            PodProcess process,
            SecretRedactor redactor,
            Duration retry,
            @Nullable Instant since,
            BooleanSupplier hostClosed) {
        this.streams = streams;
        this.process = process;
        this.redactor = redactor;
        this.retry = retry;
        this.since = since;
        this.hostClosed = hostClosed;
    }

    /**
     * Starts following the pod's log on a daemon thread.
     *
     * @param since where to start, or null for the beginning (a new launch); a pod taken over starts from now
     * @param hostClosed whether the manager let go of its pods (it stops): the copying ends then
     */
    static void follow(
            PodLogStreams streams,
            PodProcess process,
            SecretRedactor redactor,
            Duration retry,
            @Nullable Instant since,
            BooleanSupplier hostClosed) {
        Thread thread = new Thread(
                new PodLogs(streams, process, redactor, retry, since, hostClosed),
                "pod-log-" + process.names().pod());
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void run() {
        try {
            while (!hostClosed.getAsBoolean() && (process.isAlive() || since == null)) {
                if (!PodStatuses.containerRan(process.latest())) {
                    if (!process.isAlive()) {
                        return; // It ended before its container ever ran (an image never pulled): it has no log.
                    }
                    awaitChange();
                    continue;
                }
                int restarts = PodStatuses.restarts(process.latest());
                boolean opened = copyOnce();
                // A stream that ended while the pod lives is followed again once Kubernetes restarts the container.
                while (opened && process.isAlive() && PodStatuses.restarts(process.latest()) == restarts) {
                    awaitChange();
                }
                if (!opened) {
                    awaitChange();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IllegalStateException e) {
            log.debug("Stopped copying the log of pod {}: {}", process.names().pod(), e.getMessage());
        } finally {
            process.outputEnded();
        }
    }

    /** Until the pod changes (the watch tells) or, at the latest, the retry interval is over. */
    private void awaitChange() throws InterruptedException {
        process.awaitChange(process.changes(), System.nanoTime() + retry.toNanos());
    }

    /** Copies the log until its stream ends; false if it could not be opened (no log yet, the pod is gone). */
    private boolean copyOnce() throws InterruptedException {
        Instant start = Instant.now();
        Optional<InputStream> stream = streams.follow(process.names().pod(), since);
        if (stream.isEmpty()) {
            log.debug("No log yet from pod {}", process.names().pod());
            if (since == null) {
                since = start;
            }
            return false;
        }
        AgentOutputPump.start(process.names().agent(), process.pid(), stream.get(), redactor, null)
                .join();
        since = Instant.now();
        return true;
    }
}
