package dev.runtimeservice.manager.scheduling;

import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Work repeated in the background from {@link #start} to {@link #stop}, on one named daemon thread, with a fixed
 * pause between runs. A run that throws is logged and the next one runs anyway (a task of a plain scheduler that
 * throws is silently never run again).
 */
public final class PeriodicTask {

    private static final Logger log = LoggerFactory.getLogger(PeriodicTask.class);

    private final String threadName;
    private final Duration period;
    private final Runnable work;
    private volatile @Nullable ScheduledExecutorService executor;

    /**
     * @param threadName the name of its thread, as thread dumps show it
     * @param period the pause between the end of one run and the start of the next, and before the first
     * @param work what each run does
     */
    public PeriodicTask(String threadName, Duration period, Runnable work) {
        this.threadName = threadName;
        this.period = period;
        this.work = work;
    }

    /** Starts the runs; does nothing if they run already. */
    public synchronized void start() {
        if (executor != null) {
            return;
        }
        ScheduledExecutorService started = DaemonScheduler.named(threadName);
        long millis = Math.max(1, period.toMillis());
        started.scheduleWithFixedDelay(() -> runSafely(work), millis, millis, TimeUnit.MILLISECONDS);
        executor = started;
    }

    /** Stops the runs, interrupting one that is under way. */
    public synchronized void stop() {
        ScheduledExecutorService running = executor;
        executor = null;
        if (running != null) {
            running.shutdownNow();
        }
    }

    /** Whether the runs are started and not stopped. */
    public boolean isRunning() {
        return executor != null;
    }

    /** Runs {@code extra} once, as soon as the thread is free, between the periodic runs; nothing when stopped. */
    public void runSoon(Runnable extra) {
        ScheduledExecutorService running = executor;
        if (running == null) {
            return;
        }
        try {
            running.execute(() -> runSafely(extra));
        } catch (RejectedExecutionException stoppedMeanwhile) {
            // stop() came between the check and the call: nothing runs any more, as asked
        }
    }

    private void runSafely(Runnable run) {
        try {
            run.run();
        } catch (RuntimeException e) {
            log.warn("A run of {} failed; the next one runs as planned", threadName, e);
        }
    }
}
