package dev.runtimeservice.manager.scheduling;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * A scheduler on one named daemon thread, for the manager's background work (supervision, sampling, stream ticks):
 * the name shows in thread dumps, and a daemon thread never keeps the JVM alive after the context has closed.
 */
public final class DaemonScheduler {

    private DaemonScheduler() {}

    /** A single-thread scheduler whose thread is a daemon named {@code threadName}. */
    public static ScheduledExecutorService named(String threadName) {
        return Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, threadName);
            thread.setDaemon(true);
            return thread;
        });
    }
}
