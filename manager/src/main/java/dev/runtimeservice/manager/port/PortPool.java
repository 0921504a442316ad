package dev.runtimeservice.manager.port;

import dev.runtimeservice.manager.config.RuntimeProperties;
import dev.runtimeservice.manager.error.NoFreePortException;
import dev.runtimeservice.manager.error.PortConflictException;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Hands out agent ports. A fixed port goes only to its agent; any other agent gets the lowest port of
 * {@code MIN_AGENT_PORT..MAX_AGENT_PORT} that is not reserved, not given to another agent and not held by
 * another process. A released port can be given again at once.
 */
@Component
public class PortPool {

    private static final Logger log = LoggerFactory.getLogger(PortPool.class);
    private final int min;
    private final int max;
    private final PortProbe probe;
    private final Map<Integer, String> given = new HashMap<>();

    public PortPool(RuntimeProperties properties, PortProbe probe) {
        this.min = properties.minAgentPort();
        this.max = properties.maxAgentPort();
        this.probe = probe;
        EphemeralPortRange.read(EphemeralPortRange.LINUX)
                .filter(range -> range.overlaps(min, max))
                .ifPresent(range -> log.warn(
                        "MIN_AGENT_PORT..MAX_AGENT_PORT ({}-{}) overlaps the ports this system "
                                + "gives outgoing connections ({}, {}): a connection can take an agent's port while the agent "
                                + "starts, and its launch then fails with 'Port ... was already in use'. Choose agent ports "
                                + "below {} (the default is 8001-12001).",
                        min,
                        max,
                        range,
                        EphemeralPortRange.LINUX,
                        range.first()));
    }

    /**
     * Gives a port to {@code agent}.
     *
     * @param fixedPort the agent's reserved port, or null for the lowest free one
     * @param reserved every fixed port of the catalog, by the agent that owns it
     */
    public synchronized int acquire(String agent, @Nullable Integer fixedPort, Map<Integer, String> reserved) {
        return fixedPort != null ? acquireFixed(agent, fixedPort) : acquireFree(agent, reserved);
    }

    /**
     * Gives {@code agent} the port it already listens on: it was started by an earlier manager and is taken over.
     * Returns false if the port is already given to another agent.
     */
    public synchronized boolean claim(String agent, int port) {
        return given.putIfAbsent(port, agent) == null || agent.equals(given.get(port));
    }

    /** Frees the port if {@code agent} holds it. */
    public synchronized void release(String agent, int port) {
        given.remove(port, agent);
    }

    /** The ports given out now, by agent. */
    public synchronized Map<Integer, String> given() {
        return Map.copyOf(given);
    }

    private int acquireFixed(String agent, int port) {
        String owner = given.get(port);
        if (owner != null) {
            throw new PortConflictException(agent, port, "agent " + owner + " of this manager");
        }
        if (!probe.isFree(port)) {
            throw new PortConflictException(agent, port, probe.holderOf(port).orElse("another process"));
        }
        given.put(port, agent);
        return port;
    }

    private int acquireFree(String agent, Map<Integer, String> reserved) {
        for (int port = min; port <= max; port++) {
            if (!reserved.containsKey(port) && !given.containsKey(port) && probe.isFree(port)) {
                given.put(port, agent);
                return port;
            }
        }
        throw new NoFreePortException(agent, min, max);
    }
}
