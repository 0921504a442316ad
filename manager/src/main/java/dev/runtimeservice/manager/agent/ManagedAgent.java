package dev.runtimeservice.manager.agent;

import dev.runtimeservice.manager.process.AgentProcess;
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
    private final String host;
    private final String token;
    private final String resourcesFingerprint;
    private final List<String> resourceNames;
    private final Instant startedAt = Instant.now();
    private volatile @Nullable AgentProcess process;
    private volatile AgentState state = AgentState.STARTING;
    private volatile @Nullable Integer exitCode;
    private volatile @Nullable String failure;

    ManagedAgent(AgentDescriptor descriptor, String id, int port, String host, String token,
            String resourcesFingerprint, List<String> resourceNames) {
        this.descriptor = descriptor;
        this.id = id;
        this.port = port;
        this.host = host;
        this.token = token;
        this.resourcesFingerprint = resourcesFingerprint;
        this.resourceNames = List.copyOf(resourceNames);
    }

    /** Moves to {@code next} if {@link AgentState#canMoveTo} allows it; returns whether it moved. */
    synchronized boolean moveTo(AgentState next) {
        if (!state.canMoveTo(next)) {
            return false;
        }
        state = next;
        return true;
    }

    /** Moves to FAILED from a live state, remembering why; returns whether it moved. */
    synchronized boolean fail(String reason, @Nullable Integer code) {
        if (!moveTo(AgentState.FAILED)) {
            return false;
        }
        this.failure = reason;
        this.exitCode = code;
        return true;
    }

    void attach(AgentProcess process) {
        this.process = process;
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

    String token() {
        return token;
    }

    String resourcesFingerprint() {
        return resourcesFingerprint;
    }

    /** The names of the resources the agent got; their values are never kept here. */
    public List<String> resourceNames() {
        return resourceNames;
    }

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
