package dev.runtimeservice.manager.agent.launch;

import dev.runtimeservice.manager.agent.AgentOutcome;
import dev.runtimeservice.manager.agent.AgentRegistry;
import dev.runtimeservice.manager.agent.AgentState;
import dev.runtimeservice.manager.agent.LaunchAction;
import dev.runtimeservice.manager.agent.ManagedAgent;
import dev.runtimeservice.manager.agent.catalog.AgentDescriptor;
import dev.runtimeservice.manager.agent.launch.NewLaunches.NewLaunch;
import dev.runtimeservice.manager.error.AgentStoppedDuringStartException;
import dev.runtimeservice.manager.error.RuntimeServiceException;
import dev.runtimeservice.manager.process.AgentHost;
import dev.runtimeservice.manager.process.AgentProcess;
import dev.runtimeservice.manager.process.StopOutcome;
import dev.runtimeservice.manager.resources.ResourcesSnapshot;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Starts and stops one agent; the caller holds the agent's lock. Start means: take a port, write the
 * resources file, spawn, wait for readiness, or kill the whole tree, free everything and throw. No
 * half-started agent is ever left running.
 */
@Component
public class AgentLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AgentLifecycle.class);

    private final AgentRegistry registry;
    private final NewLaunches launches;
    private final AgentSpawner spawner;
    private final LaunchRelease release;
    private final AgentHost host;
    private final LaunchPlanner planner;
    private final LogTail logTail;

    AgentLifecycle(
            AgentRegistry registry,
            NewLaunches launches,
            AgentSpawner spawner,
            LaunchRelease release,
            AgentHost host,
            LaunchPlanner planner,
            LogTail logTail) {
        this.registry = registry;
        this.launches = launches;
        this.spawner = spawner;
        this.release = release;
        this.host = host;
        this.planner = planner;
        this.logTail = logTail;
    }

    /** Launches the agent with {@code resources}, a snapshot made before the caller took the lock. */
    public AgentOutcome launch(AgentDescriptor descriptor, ResourcesSnapshot resources) {
        Optional<ManagedAgent> current =
                registry.find(descriptor.name()).filter(agent -> agent.state() == AgentState.RUNNING);
        if (current.isEmpty()) {
            return new AgentOutcome(descriptor.name(), LaunchAction.STARTED, start(descriptor, resources, 0, null));
        }
        if (launches.sameResources(current.get(), resources)) {
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
        return start(
                ended.descriptor(),
                ended.resources(),
                ended.restarts() + 1,
                ended.failure().orElse(null));
    }

    /** An agent that ended on its own and will be started again at {@code restartAt}, {@code delay} from now. */
    public void backOff(ManagedAgent agent, String reason, @Nullable Integer code, Instant restartAt, Duration delay) {
        if (agent.backOff(reason, code, restartAt)) {
            release.release(agent);
            log.warn(
                    "Agent {} {}; restarting it in {} ms (restart {})",
                    agent.name(),
                    reason,
                    delay.toMillis(),
                    agent.restarts() + 1);
        }
    }

    /** An agent that ended on its own and will not be started again until someone launches it. */
    public void giveUp(ManagedAgent agent, String reason, @Nullable Integer code) {
        if (agent.fail(reason, code) || agent.state() == AgentState.FAILED) {
            release.release(agent);
            log.error(
                    "Agent {} {}; it stays FAILED until it is launched again. Last log lines:\n{}",
                    agent.name(),
                    reason,
                    String.join("\n", logTail.last(agent.name(), null, 10)));
        }
    }

    /** Kills an agent that stopped answering its liveness probe; its exit is then handled as a crash. */
    public void killHung(ManagedAgent agent) {
        agent.markKilledAsHung();
        agent.process().ifPresent(host::kill);
    }

    /** Kills a launch that is still starting, so that a stop request does not wait for the start to end. */
    public void interruptStart(ManagedAgent agent) {
        agent.requestStop();
        if (agent.state() == AgentState.STARTING) {
            agent.process().ifPresent(host::kill);
        }
    }

    private ManagedAgent start(
            AgentDescriptor descriptor, ResourcesSnapshot resources, int restarts, @Nullable String restartedAfter) {
        NewLaunch launch = launches.open(descriptor, resources, restarts, restartedAfter);
        ManagedAgent agent = launch.agent();
        long began = System.nanoTime();
        try {
            launches.writeResources(agent);
            spawner.spawn(agent, launch.standby());
        } catch (IOException | RuntimeException e) {
            throw failStart(agent, e);
        }
        log.info(
                "Started agent {} (pid {}) on port {} in {} ms",
                agent.name(),
                agent.pid().orElse(-1L),
                agent.port(),
                Duration.ofNanos(System.nanoTime() - began).toMillis());
        return agent;
    }

    private RuntimeServiceException failStart(ManagedAgent agent, Exception cause) {
        agent.process().ifPresent(host::kill);
        if (cause instanceof AgentStoppedDuringStartException stopped) {
            agent.moveTo(AgentState.STOPPING);
            agent.moveTo(AgentState.STOPPED);
            release.release(agent);
            registry.remove(agent);
            log.info("{}", stopped.getMessage());
            return stopped;
        }
        agent.fail(
                String.valueOf(cause.getMessage()),
                agent.process()
                        .filter(process -> !process.isAlive())
                        .map(process -> process.onExit().join())
                        .orElse(null));
        RuntimeServiceException problem = cause instanceof RuntimeServiceException known
                ? known
                : spawner.notSpawned(agent, "the manager could not spawn it: " + cause.getMessage());
        release.release(agent);
        log.warn("{}", problem.getMessage());
        return problem;
    }

    private void stop(ManagedAgent agent) {
        agent.moveTo(AgentState.STOPPING);
        long began = System.nanoTime();
        if (planner.recordsArchive(agent)) {
            agent.process()
                    .flatMap(AgentProcess::liftMemoryLimit)
                    .ifPresent(limit -> log.info(
                            "Agent {} records its class archive as it stops: its memory limit ({}) is lifted until it "
                                    + "has exited",
                            agent.name(),
                            limit));
        }
        StopOutcome outcome = agent.process()
                .map(process ->
                        host.stop(process, planner.shutdownUrl(agent), agent.token(), planner.shutdownTimeout(agent)))
                .orElse(StopOutcome.ALREADY_EXITED);
        agent.moveTo(AgentState.STOPPED);
        release.release(agent);
        registry.remove(agent);
        log.info(
                "Stopped agent {} (pid {}) in {} ms ({})",
                agent.name(),
                agent.pid().orElse(-1L),
                Duration.ofNanos(System.nanoTime() - began).toMillis(),
                describe(outcome));
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
