package dev.runtimeservice.manager.agent.launch;

import dev.runtimeservice.manager.agent.AgentOutcome;
import dev.runtimeservice.manager.agent.AgentRegistry;
import dev.runtimeservice.manager.agent.AgentState;
import dev.runtimeservice.manager.agent.LaunchAction;
import dev.runtimeservice.manager.agent.ManagedAgent;
import dev.runtimeservice.manager.agent.catalog.AgentCatalog;
import dev.runtimeservice.manager.agent.catalog.AgentDescriptor;
import dev.runtimeservice.manager.agent.standby.Standby;
import dev.runtimeservice.manager.agent.standby.StandbyPool;
import dev.runtimeservice.manager.config.RuntimeProperties;
import dev.runtimeservice.manager.error.AgentStoppedDuringStartException;
import dev.runtimeservice.manager.error.RuntimeServiceException;
import dev.runtimeservice.manager.logs.AgentLogs;
import dev.runtimeservice.manager.port.PortPool;
import dev.runtimeservice.manager.process.ProcessTreeStopper.StopOutcome;
import dev.runtimeservice.manager.process.ProcessTreeStopper;
import dev.runtimeservice.manager.resources.ResourcesFiles;
import dev.runtimeservice.manager.resources.ResourcesFingerprint;
import dev.runtimeservice.manager.resources.SecretRedactor;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Starts and stops one agent; the caller holds the agent's lock. Start means: take a port, write the
 * resources file, spawn, wait for readiness, or kill the whole tree, free everything and throw. No
 * half-started agent is ever left running.
 */
@Component
public class AgentLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AgentLifecycle.class);
    static final Duration ARCHIVE_WRITE_ALLOWANCE = Duration.ofSeconds(30);

    private final RuntimeProperties properties;
    private final AgentCatalog catalog;
    private final AgentRegistry registry;
    private final PortPool ports;
    private final AgentSpawner spawner;
    private final LaunchRelease release;
    private final ProcessTreeStopper stopper;
    private final ResourcesFiles resourcesFiles;
    private final ResourcesFingerprint fingerprint;
    private final SecretRedactor redactor;
    private final AgentLogs logs;
    private final StandbyPool standbys;

    AgentLifecycle(RuntimeProperties properties, AgentCatalog catalog, AgentRegistry registry, PortPool ports,
            AgentSpawner spawner, LaunchRelease release, ProcessTreeStopper stopper, ResourcesFiles resourcesFiles,
            ResourcesFingerprint fingerprint, SecretRedactor redactor, AgentLogs logs, StandbyPool standbys) {
        this.standbys = standbys;
        this.properties = properties;
        this.catalog = catalog;
        this.registry = registry;
        this.ports = ports;
        this.spawner = spawner;
        this.release = release;
        this.stopper = stopper;
        this.resourcesFiles = resourcesFiles;
        this.fingerprint = fingerprint;
        this.redactor = redactor;
        this.logs = logs;
    }

    public AgentOutcome launch(AgentDescriptor descriptor, Map<String, Object> resources) {
        Optional<ManagedAgent> current = registry.find(descriptor.name())
                .filter(agent -> agent.state() == AgentState.RUNNING);
        if (current.isEmpty()) {
            return new AgentOutcome(descriptor.name(), LaunchAction.STARTED, start(descriptor, resources, 0, null));
        }
        if (resources.isEmpty() || fingerprint.of(resources).equals(current.get().resourcesFingerprint())) {
            return new AgentOutcome(descriptor.name(), LaunchAction.ALREADY_RUNNING, current.get());
        }
        log.info("Restarting agent {} because the launch brings other resources", descriptor.name());
        stop(current.get());
        return new AgentOutcome(descriptor.name(), LaunchAction.RESTARTED, start(descriptor, resources, 0, null));
    }

    /**
     * Stops the agent's current launch. {@code requested} is the launch the stop request saw when it arrived:
     * if a start in progress gave way to the request, that launch is reported as stopped.
     */
    public AgentOutcome stop(String name, @Nullable ManagedAgent requested) {
        Optional<ManagedAgent> current = registry.find(name);
        if (current.isPresent() && current.get().state().isStoppable()) {
            stop(current.get());
            return new AgentOutcome(name, LaunchAction.STOPPED, current.get());
        }
        current.ifPresent(ended -> {
            registry.remove(ended);
            registry.persist();
        });
        if (requested != null && requested.state() == AgentState.STOPPED) {
            return new AgentOutcome(name, LaunchAction.STOPPED, requested);
        }
        return new AgentOutcome(name, LaunchAction.NOT_RUNNING, current.orElse(null));
    }

    /** Starts a new launch of an agent that ended on its own, with the resources it had. */
    public ManagedAgent restart(ManagedAgent ended) {
        return start(ended.descriptor(), ended.resources(), ended.restarts() + 1, ended.failure().orElse(null));
    }

    /** An agent that ended on its own and will be started again after {@code delay}. */
    public void backOff(ManagedAgent agent, String reason, @Nullable Integer code, Duration delay) {
        if (agent.backOff(reason, code, Instant.now().plus(delay))) {
            release.release(agent);
            log.warn("Agent {} {}; restarting it in {} ms (restart {})", agent.name(), reason, delay.toMillis(),
                    agent.restarts() + 1);
        }
    }

    /** An agent that ended on its own and will not be started again until someone launches it. */
    public void giveUp(ManagedAgent agent, String reason, @Nullable Integer code) {
        if (agent.fail(reason, code) || agent.state() == AgentState.FAILED) {
            release.release(agent);
            log.error("Agent {} {}; it stays FAILED until it is launched again. Last log lines:\n{}", agent.name(),
                    reason, String.join("\n", redactor.redact(logs.tail(agent.name(), 10))));
        }
    }

    /** Kills an agent that stopped answering its liveness probe; its exit is then handled as a crash. */
    public void killHung(ManagedAgent agent) {
        agent.markKilledAsHung();
        agent.process().ifPresent(stopper::kill);
    }

    /** Kills a launch that is still starting, so that a stop request does not wait for the start to end. */
    public void interruptStart(ManagedAgent agent) {
        agent.requestStop();
        if (agent.state() == AgentState.STARTING) {
            agent.process().ifPresent(stopper::kill);
        }
    }

    private ManagedAgent start(AgentDescriptor descriptor, Map<String, Object> resources, int restarts,
            @Nullable String restartedAfter) {
        int port = ports.acquire(descriptor.name(), descriptor.port(), catalog.reservedPorts());
        Standby standby = standbys.take(descriptor, port).orElse(null);
        // A standby was started with the id and token of the launch it becomes.
        String id = standby == null ? LaunchIds.newId() : standby.launch().id();
        String token = standby == null ? LaunchIds.newToken() : standby.launch().token();
        ManagedAgent agent = new ManagedAgent(descriptor, id, port, "127.0.0.1", token, fingerprint.of(resources),
                resources, restarts, restartedAfter, Instant.now());
        registry.put(agent);
        redactor.register(agent.id(), resources);
        long began = System.nanoTime();
        try {
            resourcesFiles.write(descriptor.resourcesFile(), agent.id(), agent.name(), resources);
            spawner.spawn(agent, standby);
        } catch (IOException | RuntimeException e) {
            throw failStart(agent, e);
        }
        log.info("Started agent {} (pid {}) on port {} in {} ms", agent.name(), agent.pid().orElse(-1L), port,
                Duration.ofNanos(System.nanoTime() - began).toMillis());
        return agent;
    }

    private RuntimeServiceException failStart(ManagedAgent agent, Exception cause) {
        agent.process().ifPresent(stopper::kill);
        if (cause instanceof AgentStoppedDuringStartException stopped) {
            agent.moveTo(AgentState.STOPPING);
            agent.moveTo(AgentState.STOPPED);
            release.release(agent);
            registry.remove(agent);
            log.info("{}", stopped.getMessage());
            return stopped;
        }
        agent.fail(String.valueOf(cause.getMessage()),
                agent.process().filter(process -> !process.isAlive()).map(process -> process.onExit().join()).orElse(null));
        RuntimeServiceException problem = cause instanceof RuntimeServiceException known ? known
                : spawner.failure(agent, HttpStatus.INTERNAL_SERVER_ERROR, "the manager could not spawn it: "
                        + cause.getMessage());
        release.release(agent);
        log.warn("{}", problem.getMessage());
        return problem;
    }

    private void stop(ManagedAgent agent) {
        agent.moveTo(AgentState.STOPPING);
        long began = System.nanoTime();
        StopOutcome outcome = agent.process().map(process -> stopper.stop(process, shutdownUrl(agent), agent.token(),
                shutdownTimeout(agent))).orElse(StopOutcome.ALREADY_EXITED);
        agent.moveTo(AgentState.STOPPED);
        release.release(agent);
        registry.remove(agent);
        log.info("Stopped agent {} (pid {}) in {} ms ({})", agent.name(), agent.pid().orElse(-1L),
                Duration.ofNanos(System.nanoTime() - began).toMillis(), describe(outcome));
    }

    /**
     * AGENT_SHUTDOWN_TIMEOUT, plus {@link #ARCHIVE_WRITE_ALLOWANCE} for a run that records its fast-start archive
     * as it exits: killing it then would throw the archive away, and the next run would record it again.
     */
    private Duration shutdownTimeout(ManagedAgent agent) {
        boolean recording = agent.fastStart().filter(fast -> fast.training() != null).isPresent();
        return recording ? properties.agentShutdownTimeout().plus(ARCHIVE_WRITE_ALLOWANCE) : properties.agentShutdownTimeout();
    }

    private static @Nullable URI shutdownUrl(ManagedAgent agent) {
        String path = agent.descriptor().shutdownPath();
        return path == null ? null : agent.url().resolve(path);
    }

    private static String describe(StopOutcome outcome) {
        return switch (outcome) {
            case ALREADY_EXITED -> "it had already exited";
            case SHUTDOWN_ENDPOINT -> "through its shutdown endpoint";
            case SIGTERM -> "with SIGTERM";
            case SIGKILL -> "with SIGKILL after AGENT_SHUTDOWN_TIMEOUT";
        };
    }
}
