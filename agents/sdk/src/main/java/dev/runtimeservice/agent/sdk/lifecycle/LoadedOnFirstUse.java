package dev.runtimeservice.agent.sdk.lifecycle;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Something heavy that an agent loads the first time a request needs it rather than at start (an embedding model:
 * a second or more of CPU and tens of megabytes of native memory), so that the agent is ready sooner and an agent
 * that never needs it never holds it. Callers that arrive while it loads wait for that one load.
 *
 * <p>After loading it runs one full garbage collection: reading a model through byte arrays leaves tens of
 * megabytes of garbage that made the JVM commit heap, and the serial collector the agents run with gives memory
 * back only after a full collection, which an idle agent never has, so that heap would stay resident for good.
 * The collection costs 50 to 120 ms once (on 2 cores); {@code -XX:+DisableExplicitGC} turns it off.
 *
 * @param <T> what is loaded
 */
public final class LoadedOnFirstUse<T> implements Supplier<T> {

    private static final Logger log = LoggerFactory.getLogger(LoadedOnFirstUse.class);

    private final String what;
    private final Supplier<? extends T> loader;
    private final Runnable collector;
    private volatile @Nullable T value;

    /**
     * @param what what is loaded, for the log line
     * @param loader loads it; called once, on the first {@link #get()}
     */
    public LoadedOnFirstUse(String what, Supplier<? extends T> loader) {
        this(what, loader, System::gc);
    }

    LoadedOnFirstUse(String what, Supplier<? extends T> loader, Runnable collector) {
        this.what = what;
        this.loader = loader;
        this.collector = collector;
    }

    /** The loaded value, loading it first if no caller has yet; a load that fails is tried again next time. */
    @Override
    public T get() {
        T loaded = value;
        if (loaded != null) {
            return loaded;
        }
        synchronized (this) {
            if (value == null) {
                value = load();
            }
            return value;
        }
    }

    /** Whether it is loaded. */
    public boolean loaded() {
        return value != null;
    }

    private T load() {
        long started = System.nanoTime();
        T loaded = loader.get();
        long loadMillis = (System.nanoTime() - started) / 1_000_000;
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long before = memory.getHeapMemoryUsage().getCommitted();
        collector.run();
        log.info(
                "Loaded {} on first use in {} ms; heap committed {} MB before the collection after it, {} MB after",
                what,
                loadMillis,
                before >> 20,
                memory.getHeapMemoryUsage().getCommitted() >> 20);
        return loaded;
    }
}
