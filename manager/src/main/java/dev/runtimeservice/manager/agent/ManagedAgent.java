package dev.runtimeservice.manager.agent;

import dev.runtimeservice.manager.agent.catalog.AgentDescriptor;
import dev.runtimeservice.manager.faststart.FastStart;
import dev.runtimeservice.manager.process.AgentProcess;
import dev.runtimeservice.manager.resources.ResourcesSnapshot;
import java.net.URI;
import java.time.Instant;
import java.util.List;
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
    // Made once: every list answer shows it for every agent, and parsing it each time was about a tenth of what a
    // list of 200 agents allocated (JFR's allocation samples).
    private final URI url;
    private final String token;
    // Kept so that a restart after a crash gets the same resources; never shown, logged or serialised.
    private final ResourcesSnapshot resources;
    private final int restarts;
    private final @Nullable String restartedAfter;
    private final Instant startedAt;
    private volatile @Nullable AgentProcess process;
    private volatile @Nullable FastStart fastStart;
    private volatile LaunchState state = new LaunchState.Starting();
    private volatile boolean stopRequested;
    private volatile LifecycleListener listener = LifecycleListener.NONE;

    public ManagedAgent(
            AgentDescriptor descriptor,
            String id,
            int port,
            String host,
            String token,
            ResourcesSnapshot resources,
            int restarts,
            @Nullable String restartedAfter,
            Instant startedAt) {
        this.descriptor = descriptor;
        this.id = id;
        this.port = port;
        this.url = URI.create("http://" + host + ":" + port);
        this.token = token;
        this.resources = resources;
        this.restarts = restarts;
        this.restartedAfter = restartedAfter;
        this.startedAt = startedAt;
    }

    /**
     * A launch that ended before this manager started, as the state file of the previous one keeps it: FAILED, with
     * no process, no token and no resources (their values are never saved). One waiting for its restart is then moved
     * on to BACKOFF, as after a failed restart.
     */
    public static ManagedAgent ended(
            AgentDescriptor descriptor,
            String id,
            int port,
            Instant startedAt,
            int restarts,
            ResourcesSnapshot resources,
            String reason,
            @Nullable Integer exitCode) {
        ManagedAgent agent =
                new ManagedAgent(descriptor, id, port, "127.0.0.1", "", resources, restarts, null, startedAt);
        agent.state = new LaunchState.Failed(reason, exitCode);
        return agent;
    }

    /** Moves to {@code next} if {@link AgentState#canMoveTo} allows it; returns whether it moved. */
    private synchronized boolean moveTo(LaunchState next) {
        if (!state.name().canMoveTo(next.name())) {
            return false;
        }
        LaunchState before = state;
        state = next;
        listener.changed(this, before, next);
        return true;
    }

    /** Tells {@code listener} of every later state change (the registry sets it when the launch joins). */
    void observe(LifecycleListener listener) {
        this.listener = listener;
    }

    /** Moves to a state that carries no facts: STARTING, RUNNING, STOPPING or STOPPED; returns whether it moved. */
    public synchronized boolean moveTo(AgentState next) {
        return moveTo(
                switch (next) {
                    case STARTING -> new LaunchState.Starting();
                    case RUNNING -> new LaunchState.Running(false);
                    // A stop does not learn an exit code: one known from an earlier end (during backoff) is kept.
                    case STOPPING -> new LaunchState.Stopping(state.exitCode());
                    case STOPPED -> new LaunchState.Stopped(state.exitCode());
                    case BACKOFF, FAILED ->
                        throw new IllegalArgumentException(next + " needs its reason: use backOff or fail");
                });
    }

    /** Moves to FAILED, remembering why; returns whether it moved. */
    public boolean fail(String reason, @Nullable Integer code) {
        return moveTo(new LaunchState.Failed(reason, code));
    }

    /**
     * Moves to BACKOFF until {@code restartAt}, remembering why it ended; an unknown exit code keeps the one known
     * before (a failed restart's). Returns whether it moved.
     */
    public synchronized boolean backOff(String reason, @Nullable Integer code, Instant restartAt) {
        return moveTo(new LaunchState.BackingOff(
                reason, code != null ? code : exitCode().orElse(null), restartAt));
    }

    /** Marks a RUNNING agent as killed by the manager for failing its liveness probes. */
    public synchronized void markKilledAsHung() {
        if (state instanceof LaunchState.Running) {
            state = new LaunchState.Running(true);
        }
    }

    public boolean killedAsHung() {
        return state instanceof LaunchState.Running running && running.killedAsHung();
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
        return url;
    }

    public String token() {
        return token;
    }

    /** The names of the resources the agent got, sorted; their values are never shown. */
    public List<String> resourceNames() {
        return resources.names();
    }

    public ResourcesSnapshot resources() {
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
        return state instanceof LaunchState.BackingOff backingOff
                ? Optional.of(backingOff.restartAt())
                : Optional.empty();
    }

    /** When the launch began; for an agent taken over from an earlier manager, when its process started. */
    public Instant startedAt() {
        return startedAt;
    }

    public AgentState state() {
        return state.name();
    }

    /** The state with its facts. */
    public LaunchState launchState() {
        return state;
    }

    public Optional<AgentProcess> process() {
        return Optional.ofNullable(process);
    }

    public Optional<Long> pid() {
        return process().map(AgentProcess::pid);
    }

    /** The exit code of its process, once it ended on its own and the code is known. */
    public Optional<Integer> exitCode() {
        return Optional.ofNullable(state.exitCode());
    }

    /** Why the agent is FAILED, or why it ended while it waits for its restart. */
    public Optional<String> failure() {
        return Optional.ofNullable(state.reason());
    }
}
