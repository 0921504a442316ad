package dev.runtimeservice.manager.agent.fake;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Delayed;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A scheduler whose tasks run only when the test says, on the test's thread, by the time of a {@link ManualClock}:
 * {@link #runDue()} runs the one-off tasks that are due, {@link #runPeriodic()} each periodic task once.
 */
public final class ManualScheduler extends AbstractExecutorService implements ScheduledExecutorService {

    private final ManualClock clock;
    private final List<Task> once = new CopyOnWriteArrayList<>();
    private final List<Runnable> periodic = new CopyOnWriteArrayList<>();
    private volatile boolean shutdown;

    public ManualScheduler(ManualClock clock) {
        this.clock = clock;
    }

    /** When the earliest one-off task is due, if one waits. */
    public List<Instant> dueTimes() {
        return once.stream().map(Task::due).sorted().toList();
    }

    /** Runs, in order, the one-off tasks due by the clock's time; returns how many ran. */
    public int runDue() {
        List<Task> due = once.stream()
                .filter(task -> !task.due().isAfter(clock.instant()))
                .sorted((a, b) -> a.due().compareTo(b.due()))
                .toList();
        once.removeAll(due);
        due.forEach(task -> task.action().run());
        return due.size();
    }

    /** Runs each periodic task once, as if its period had passed. */
    public void runPeriodic() {
        periodic.forEach(Runnable::run);
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
        once.add(new Task(clock.instant().plus(Duration.ofNanos(unit.toNanos(delay))), command));
        return new Handle();
    }

    @Override
    public ScheduledFuture<?> scheduleWithFixedDelay(Runnable command, long initialDelay, long delay, TimeUnit unit) {
        periodic.add(command);
        return new Handle();
    }

    @Override
    public ScheduledFuture<?> scheduleAtFixedRate(Runnable command, long initialDelay, long period, TimeUnit unit) {
        periodic.add(command);
        return new Handle();
    }

    @Override
    public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
        throw new UnsupportedOperationException("the manager schedules Runnables only");
    }

    @Override
    public void execute(Runnable command) {
        command.run();
    }

    @Override
    public void shutdown() {
        shutdown = true;
    }

    @Override
    public List<Runnable> shutdownNow() {
        shutdown = true;
        List<Runnable> pending = new ArrayList<>(once.stream().map(Task::action).toList());
        once.clear();
        periodic.clear();
        return pending;
    }

    @Override
    public boolean isShutdown() {
        return shutdown;
    }

    @Override
    public boolean isTerminated() {
        return shutdown;
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) {
        return true;
    }

    private record Task(Instant due, Runnable action) {}

    /** The handle of a scheduled task; the manager never cancels or waits on one. */
    private static final class Handle implements ScheduledFuture<Object> {

        @Override
        public long getDelay(TimeUnit unit) {
            return 0;
        }

        @Override
        public int compareTo(Delayed other) {
            return 0;
        }

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            return false;
        }

        @Override
        public boolean isCancelled() {
            return false;
        }

        @Override
        public boolean isDone() {
            return false;
        }

        @Override
        public Object get() {
            throw new UnsupportedOperationException();
        }

        @Override
        public Object get(long timeout, TimeUnit unit) {
            throw new UnsupportedOperationException();
        }
    }
}
