package dev.runtimeservice.manager.streaming;

import org.jspecify.annotations.Nullable;

/**
 * What a long answer sends: asked for its next bytes only when the client can take them, so a source never queues
 * more than one chunk for a slow reader. Called by one thread at a time.
 */
public interface StreamSource {

    /** The next bytes to send, or null when there is nothing new now (the stream asks again when woken). */
    byte @Nullable [] next();

    /** A comment that keeps an idle connection open and finds a client that has gone, or null for a format that has
     * no comments (plain text). */
    default byte @Nullable [] heartbeat() {
        return null;
    }

    /**
     * Whether the answer is complete: {@link #next} returned its last bytes, and the stream ends once they are
     * flushed (a followed log whose agent stopped). Asked only when {@link #next} has nothing.
     */
    default boolean finished() {
        return false;
    }

    /** The stream ended: the client left, the manager stops, or the source {@link #finished}. */
    default void close() {}
}
