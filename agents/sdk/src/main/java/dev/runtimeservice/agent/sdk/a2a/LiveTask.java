package dev.runtimeservice.agent.sdk.a2a;

import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * A task while it may still change: its latest state, its cancellation flag and the streams that follow it.
 * Every change goes through {@link #update}, under the task's lock, so a subscriber sees the snapshot and then
 * every later event, in order, exactly once.
 */
final class LiveTask {

    private boolean cancelled;
    private boolean running;
    private final AtomicBoolean streamingText = new AtomicBoolean();
    private final List<BlockingQueue<StreamResponse>> subscribers = new CopyOnWriteArrayList<>();
    private final CompletableFuture<Task> settled = new CompletableFuture<>();
    private final Consumer<Task> store;
    private Task task;

    LiveTask(Task task, Consumer<Task> store) {
        this.task = task;
        this.store = store;
    }

    synchronized Task task() {
        return task;
    }

    /** Applies a change unless the task already ended (a late result after a cancel changes nothing). */
    synchronized boolean update(Task next, StreamResponse event, boolean persist) {
        if (task.status().state().isTerminal()) {
            return false;
        }
        task = next;
        if (persist) {
            store.accept(next);
        }
        subscribers.forEach(queue -> queue.add(event));
        if (next.status().state().endsStream()) {
            settled.complete(next);
        }
        return true;
    }

    /** Publishes an event that does not change the stored task (progress, a piece of the answer). */
    synchronized void publish(StreamResponse event) {
        if (!task.status().state().isTerminal()) {
            subscribers.forEach(queue -> queue.add(event));
        }
    }

    synchronized void subscribe(BlockingQueue<StreamResponse> queue) {
        queue.add(StreamResponse.of(task));
        subscribers.add(queue);
    }

    void unsubscribe(BlockingQueue<StreamResponse> queue) {
        subscribers.remove(queue);
    }

    /**
     * Called by the worker before the skill runs. Under the same lock as {@link #requestCancel}, so that a cancel
     * either comes first (the skill never runs) or finds the work running (and waits for its safe point).
     *
     * @return false when the task was cancelled before it started: the work must not run
     */
    synchronized boolean begin() {
        running = !cancelled;
        return running;
    }

    /**
     * Marks the task cancelled; the running skill sees it at its next safe point.
     *
     * @return whether the skill is running (then its worker ends the task); false when it never started
     */
    synchronized boolean requestCancel() {
        cancelled = true;
        return running;
    }

    synchronized boolean isCancelled() {
        return cancelled;
    }

    /** @return true for the first piece of streamed text, false after */
    boolean startsTextStream() {
        return streamingText.compareAndSet(false, true);
    }

    CompletableFuture<Task> settled() {
        return settled;
    }
}
