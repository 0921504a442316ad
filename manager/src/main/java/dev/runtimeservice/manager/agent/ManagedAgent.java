package dev.runtimeservice.manager.agent;

import dev.runtimeservice.manager.agent.catalog.AgentDescriptor;
import dev.runtimeservice.manager.faststart.FastStart;
import dev.runtimeservice.manager.process.AgentProcess;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One launch of one agent: what it was started with, and its state. A new launch makes a new instance,
 * so everything but the state and the exit details is fixed from the start.
 */
public final class ManagedAgent {

    private final AgentDescriptor descriptor;
    private final String id;
    private final int port;
    private final String host;
    private final String token;
    private final String resourcesFingerprint;
    // Kept so that a restart after a crash gets the same resources; never shown, logged or serialised.
    private final Map<String, Object> resources;
    private final int restarts;
    private final @Nullable String restartedAfter;
    private final Instant startedAt;
    private volatile @Nullable AgentProcess process;
    private volatile @Nullable FastStart fastStart;
    private volatile AgentState state = AgentState.STARTING;
    private volatile @Nullable Integer exitCode;
    private volatile @Nullable String failure;
    private volatile @Nullable Instant nextRestartAt;
    private volatile boolean killedAsHung;
    private volatile boolean stopRequested;

    public ManagedAgent(AgentDescriptor descriptor, String id, int port, String host, String token,
            String resourcesFingerprint, Map<String, Object> resources, int restarts, @Nullable String restartedAfter,
            Instant startedAt) {
        this.descriptor = descriptor;
        this.id = id;
        this.port = port;
        this.host = host;
        this.token = token;
        this.resourcesFingerprint = resourcesFingerprint;
        this.resources = Map.copyOf(resources);
        this.restarts = restarts;
        this.restartedAfter = restartedAfter;
        this.startedAt = startedAt;
    }

    /**
     * A launch that ended before this manager started, as the state file of the previous one keeps it: FAILED, with
     * no process, no token and no resources (their values are never saved). One waiting for its restart is then moved
     * on to BACKOFF, as after a failed restart.
     */
    public static ManagedAgent ended(AgentDescriptor descriptor, String id, int port, Instant startedAt, int restarts,
            Map<String, Object> resources, String reason, @Nullable Integer exitCode) {
        ManagedAgent agent = new ManagedAgent(descriptor, id, port, "127.0.0.1", "", "", resources, restarts, null,
                startedAt);
        agent.state = AgentState.FAILED;
        agent.failure = reason;
        agent.exitCode = exitCode;
        return agent;
    }

    /** Moves to {@code next} if {@link AgentState#canMoveTo} allows it; returns whether it moved. */
    public synchronized boolean moveTo(AgentState next) {
        if (!state.canMoveTo(next)) {
            return false;
        }
        state = next;
        return true;
    }

    /** Moves to FAILED, remembering why; returns whether it moved. */
    public synchronized boolean fail(String reason, @Nullable Integer code) {
        if (!moveTo(AgentState.FAILED)) {
            return false;
        }
        this.failure = reason;
        this.exitCode = code;
        return true;
    }

    /** Moves to BACKOFF until {@code restartAt}, remembering why it ended; returns whether it moved. */
    public synchronized boolean backOff(String reason, @Nullable Integer code, Instant restartAt) {
        if (!moveTo(AgentState.BACKOFF)) {
            return false;
        }
        this.failure = reason;
        if (code != null) {
            this.exitCode = code;
        }
        this.nextRestartAt = restartAt;
        return true;
    }

    /** Marks the agent as killed by the manager for failing its liveness probes. */
    public void markKilledAsHung() {
        killedAsHung = true;
    }

    public boolean killedAsHung() {
        return killedAsHung;
    }

    /** Marks that a stop was asked for, so a start in progress gives way to it. */
    public void requestStop() {
        stopRequested = true;
    }

    public boolean stopRequested() {
        return stopRequested;
    }

    public void attach(AgentProcess process, @Nullable FastStart fastStart) {
        this.process = process;
        this.fastStart = fastStart;
    }

    public Optional<FastStart> fastStart() {
        return Optional.ofNullable(fastStart);
    }

    public String name() {
        return descriptor.name();
    }

    public AgentDescriptor descriptor() {
        return descriptor;
    }

    public String id() {
        return id;
    }

    public int port() {
        return port;
    }

    public URI url() {
        return URI.create("http://" + host + ":" + port);
    }

    public String token() {
        return token;
    }

    public String resourcesFingerprint() {
        return resourcesFingerprint;
    }

    /** The names of the resources the agent got; their values are never shown. */
    public List<String> resourceNames() {
        return resources.keySet().stream().sorted().toList();
    }

    public Map<String, Object> resources() {
        return resources;
    }

    /** How many times the manager restarted this agent after a crash, in a row. */
    public int restarts() {
        return restarts;
    }

    /** Why the previous launch ended, when this launch is an automatic restart. */
    public Optional<String> restartedAfter() {
        return Optional.ofNullable(restartedAfter);
    }

    /** When the agent will be started again, while it is in BACKOFF. */
    public Optional<Instant> nextRestartAt() {
        return state == AgentState.BACKOFF ? Optional.ofNullable(nextRestartAt) : Optional.empty();
    }

    /** When the launch began; for an agent taken over from an earlier manager, when its process started. */
    public Instant startedAt() {
        return startedAt;
    }

    public AgentState state() {
        return state;
    }

    public Optional<AgentProcess> process() {
        return Optional.ofNullable(process);
    }

    public Optional<Long> pid() {
        return process().map(AgentProcess::pid);
    }

    public Optional<Integer> exitCode() {
        return Optional.ofNullable(exitCode);
    }

    /** Why the agent is FAILED, if it is. */
    public Optional<String> failure() {
        return Optional.ofNullable(failure);
    }
}
