package dev.runtimeservice.agent.sdk.a2a;

import java.util.concurrent.BlockingQueue;

/**
 * A stream that follows one task: its events, the snapshot first, and how to stop following it when the client
 * goes away before the task ends.
 *
 * @param task the live task followed
 * @param events its events
 */
record Subscription(LiveTask task, BlockingQueue<StreamResponse> events) {

    void close() {
        task.unsubscribe(events);
    }
}
