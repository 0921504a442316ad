package dev.runtimeservice.manager.streaming;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One long answer (an event stream, a followed log) written with the servlet's non-blocking output: bytes are
 * written only while the connection can take them without waiting ({@code isReady}), and the container calls back
 * when it can take more. A slow or stalled reader therefore holds no thread, and its source is simply asked later.
 */
final class OpenStream implements WriteListener, AsyncListener {

    private static final Logger log = LoggerFactory.getLogger(OpenStream.class);
    // Longer than any pass of a pump (each write is non-blocking), short enough not to hold a container thread.
    private static final long PUMP_WAIT_MILLIS = 2000;

    private final AsyncContext async;
    private final ServletOutputStream out;
    private final StreamSource source;
    private final Runnable onEnd;
    // A pump never waits for it: the container's callbacks and the hub's thread both pump, and one that finds the
    // other at it leaves the work to it (the hub's next tick picks up anything left, and a write callback lost that
    // way leaves no write interest registered, so the tick's isReady registers it again). Waiting here while the
    // container waits for its own lock inside isReady or write would deadlock the two. Only the container's error
    // callbacks wait for it, briefly (see onError).
    private final ReentrantLock pumping = new ReentrantLock();
    private final AtomicBoolean ended = new AtomicBoolean();
    private volatile boolean heartbeatDue;
    private boolean unflushed;

    OpenStream(AsyncContext async, ServletOutputStream out, StreamSource source, Runnable onEnd) {
        this.async = async;
        this.out = out;
        this.source = source;
        this.onEnd = onEnd;
    }

    /** Writes what the source has while the connection takes it without blocking; never waits. */
    void pump() {
        if (ended.get() || !pumping.tryLock()) {
            return;
        }
        try {
            while (!ended.get() && out.isReady()) {
                byte[] chunk = nextChunk();
                if (chunk == null) {
                    if (!unflushed) {
                        if (source.finished()) {
                            end();
                        }
                        return;
                    }
                    unflushed = false;
                    out.flush();
                    continue;
                }
                out.write(chunk);
                unflushed = true;
            }
        } catch (IOException | RuntimeException e) {
            // A client that has gone shows up here, sometimes as an unchecked exception from the container (its
            // request already recycled): either way this stream is over, and no other stream may be held up by it.
            log.debug("A stream ended: {}", e.toString());
            end();
        } finally {
            pumping.unlock();
        }
    }

    private byte @Nullable [] nextChunk() {
        if (heartbeatDue) {
            heartbeatDue = false;
            byte[] heartbeat = source.heartbeat();
            if (heartbeat != null) {
                return heartbeat;
            }
        }
        return source.next();
    }

    /** Sends the source's heartbeat at the next chance. */
    void heartbeat() {
        heartbeatDue = true;
    }

    /** Whether the answer has ended. */
    boolean isEnded() {
        return ended.get();
    }

    /** Ends the answer (the client left, the manager stops, the source finished); safe to call more than once. */
    void end() {
        if (!ended.compareAndSet(false, true)) {
            return;
        }
        source.close();
        onEnd.run();
        try {
            async.complete();
        } catch (RuntimeException alreadyDone) {
            // the container completed it first (client gone, error)
        }
    }

    @Override
    public void onWritePossible() {
        pump();
    }

    @Override
    public void onError(Throwable t) {
        log.debug("A stream's write failed: {}", t.toString());
        endAfterPump();
    }

    /**
     * Ends the answer once a pump running on the hub's thread has finished its pass. When a flush from a thread of
     * ours fails, Tomcat (11.0) first dispatches the error to a container thread, which recycles the request, and
     * only then records the failure on the response; recorded on a recycled response, the failure is thrown at the
     * first write of the next request that the same processor serves, another client's stream, which ends before
     * its first byte (seen as a followed log that never sent a line). Holding the container's error handling until
     * the pass is over makes the record land first, on this request, and be cleared with it.
     */
    private void endAfterPump() {
        boolean locked = false;
        try {
            locked = pumping.tryLock(PUMP_WAIT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            end();
        } finally {
            if (locked) {
                pumping.unlock();
            }
        }
    }

    @Override
    public void onComplete(AsyncEvent event) {
        // Never waits for a pump: Tomcat calls this holding the request's async state, which a pump that ends the
        // answer needs for complete().
        end();
    }

    @Override
    public void onTimeout(AsyncEvent event) {
        log.debug("A stream timed out");
        endAfterPump();
    }

    @Override
    public void onError(AsyncEvent event) {
        log.debug("A stream's request failed: {}", String.valueOf(event.getThrowable()));
        endAfterPump();
    }

    @Override
    public void onStartAsync(AsyncEvent event) {
        // not restarted
    }
}
