package dev.runtimeservice.agent.sdk.a2a;

import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * A task while it may still change: its latest state, its cancellation flag and the streams that follow it.
 * Every change goes through {@link #update}, under the task's lock, so a subscriber sees the snapshot and then
 * every later event, in order, exactly once.
 */
final class LiveTask {

    private boolean cancelled;
    private boolean running;
    // The answer's text streamed so far, for the snapshot of a client that subscribes mid-stream: its later pieces
    // come with append=true, which a client can only add to an artifact it already has.
    private @Nullable Artifact streamed;
    private final StringBuilder streamedText = new StringBuilder();
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

    /**
     * Publishes a piece of the answer's text as it is produced, as an artifact update that appends to the pieces
     * before it. The text is not stored: the completed task holds the whole answer in an artifact of its own.
     */
    synchronized void publishText(Artifact piece) {
        if (task.status().state().isTerminal()) {
            return;
        }
        boolean first = streamed == null;
        streamed = piece;
        piece.parts().forEach(part -> streamedText.append(part.text() == null ? "" : part.text()));
        StreamResponse event =
                StreamResponse.of(new StreamResponse.ArtifactUpdate(task.id(), task.contextId(), piece, !first, false));
        subscribers.forEach(queue -> queue.add(event));
    }

    synchronized void subscribe(BlockingQueue<StreamResponse> queue) {
        queue.add(StreamResponse.of(withStreamedText()));
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

    /** The task with the text streamed so far as the artifact its later pieces append to. */
    private Task withStreamedText() {
        Artifact last = streamed;
        if (last == null || task.status().state().isTerminal()) {
            return task;
        }
        return task.with(new Artifact(
                last.artifactId(),
                last.name(),
                last.description(),
                List.of(Part.text(streamedText.toString())),
                last.metadata()));
    }

    CompletableFuture<Task> settled() {
        return settled;
    }
}
