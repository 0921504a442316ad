package dev.runtimeservice.agent.gpt4.embedded;

import dev.runtimeservice.agent.gpt4.generation.GenerationException;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Lets a bounded number of generations run and a bounded number wait; anyone beyond gets 429 with
 * {@code Retry-After} at once instead of piling up.
 */
final class AdmissionGate {

    private final int maxConcurrent;
    private final int maxQueued;
    private final Semaphore admitted;
    private final Semaphore running;
    private final Duration queueTimeout;
    private final Duration retryAfter;

    AdmissionGate(int maxConcurrent, int maxQueued, Duration queueTimeout, Duration retryAfter) {
        this.maxConcurrent = maxConcurrent;
        this.maxQueued = maxQueued;
        this.admitted = new Semaphore(maxConcurrent + maxQueued);
        this.running = new Semaphore(maxConcurrent, true);
        this.queueTimeout = queueTimeout;
        this.retryAfter = retryAfter;
    }

    /** A place in the gate; closing it lets the next request in. */
    interface Permit extends AutoCloseable {
        @Override
        void close();
    }

    Permit enter() {
        if (!admitted.tryAcquire()) {
            throw GenerationException.busy(
                    ("The in-process model is busy: %d generations are running and %d are "
                                    + "waiting, the most it takes (gpt4.embedded.max-concurrent, max-queued). Retry later.")
                            .formatted(maxConcurrent, maxQueued),
                    retryAfter);
        }
        try {
            if (!running.tryAcquire(queueTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
                admitted.release();
                throw GenerationException.busy(
                        "The in-process model had no free slot within %d s. Retry later."
                                .formatted(queueTimeout.toSeconds()),
                        retryAfter);
            }
        } catch (InterruptedException e) {
            admitted.release();
            Thread.currentThread().interrupt();
            throw GenerationException.busy("Interrupted while waiting for the in-process model", retryAfter);
        }
        return () -> {
            running.release();
            admitted.release();
        };
    }

    int active() {
        return maxConcurrent - running.availablePermits();
    }

    int queued() {
        return Math.max(0, maxConcurrent + maxQueued - admitted.availablePermits() - active());
    }
}
