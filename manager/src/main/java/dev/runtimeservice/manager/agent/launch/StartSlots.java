package dev.runtimeservice.manager.agent.launch;

import dev.runtimeservice.manager.agent.ManagedAgent;
import dev.runtimeservice.manager.config.RuntimeProperties;
import dev.runtimeservice.manager.error.AgentStoppedDuringStartException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/**
 * Bounds how many agents start at once ({@code MAX_CONCURRENT_STARTS}, one per CPU core by default). Starting a
 * JVM agent is CPU-bound: two agents started together on two cores are both ready sooner than ten started
 * together, and a batch as a whole finishes no later. A slot is held from spawning to readiness.
 */
@Component
class StartSlots {

    private static final long STOP_CHECK_MS = 50;
    private final Semaphore slots;

    StartSlots(RuntimeProperties properties) {
        this.slots = new Semaphore(properties.startSlots(), true);
    }

    /** Waits for a slot; a stop asked for meanwhile ends the wait and the start. */
    void acquire(ManagedAgent agent) {
        try {
            while (!slots.tryAcquire(STOP_CHECK_MS, TimeUnit.MILLISECONDS)) {
                if (agent.stopRequested()) {
                    throw new AgentStoppedDuringStartException(agent.name());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AgentStoppedDuringStartException(agent.name());
        }
        if (agent.stopRequested()) {
            slots.release();
            throw new AgentStoppedDuringStartException(agent.name());
        }
    }

    void release() {
        slots.release();
    }
}
