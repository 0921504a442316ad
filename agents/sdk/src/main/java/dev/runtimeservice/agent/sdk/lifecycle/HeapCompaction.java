package dev.runtimeservice.agent.sdk.lifecycle;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;

/**
 * Runs one full garbage collection when the agent has started, before it reports ready, if the agent asks for
 * it ({@code agent.compact-heap-after-start}), so that the heap start-up needed goes back to the operating system.
 *
 * <p>An agent that reads a large file at start (kendra and the orchestrator read a 23 MB embedding model
 * through byte arrays) leaves tens of megabytes of garbage that made the JVM commit heap; the serial collector
 * the agents run with gives memory back only after a full collection, which an idle agent never has, so that
 * heap would stay resident for good. One collection costs 50 to 120 ms once (on 2 cores), which is why it is
 * not done for agents that do not need it. {@code -XX:+DisableExplicitGC} turns it off too.
 *
 * <p>The switch is read when the agent starts, not through a bean condition, so that it also works in a jar
 * built with Spring AOT, which fixes conditions at build time.
 */
final class HeapCompaction implements ApplicationListener<ApplicationReadyEvent>, Ordered {

    private static final Logger log = LoggerFactory.getLogger(HeapCompaction.class);

    private final boolean enabled;
    private final Runnable collector;

    HeapCompaction(boolean enabled, Runnable collector) {
        this.enabled = enabled;
        this.collector = collector;
    }

    boolean enabled() {
        return enabled;
    }

    /** Before the other listeners, so that the start-up time they log includes the collection. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        if (!enabled) {
            return;
        }
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long before = memory.getHeapMemoryUsage().getCommitted();
        long started = System.nanoTime();
        collector.run();
        log.info("Compacted the heap after start-up in {} ms: {} MB committed before, {} MB after",
                (System.nanoTime() - started) / 1_000_000, before >> 20,
                memory.getHeapMemoryUsage().getCommitted() >> 20);
    }
}
