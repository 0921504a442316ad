package dev.runtimeservice.manager.agent.launch;

import dev.runtimeservice.manager.agent.AgentExited;
import dev.runtimeservice.manager.agent.AgentRegistry;
import dev.runtimeservice.manager.agent.AgentState;
import dev.runtimeservice.manager.agent.ManagedAgent;
import dev.runtimeservice.manager.agent.catalog.AgentDescriptor;
import dev.runtimeservice.manager.agent.standby.Standby;
import dev.runtimeservice.manager.agent.telemetry.LaunchObservations;
import dev.runtimeservice.manager.agent.telemetry.LaunchObservations.Launch;
import dev.runtimeservice.manager.error.AgentExitedDuringStartException;
import dev.runtimeservice.manager.error.AgentNotSpawnedException;
import dev.runtimeservice.manager.error.AgentPortTakenException;
import dev.runtimeservice.manager.error.AgentStartException;
import dev.runtimeservice.manager.error.AgentStartTimeoutException;
import dev.runtimeservice.manager.error.AgentStoppedDuringStartException;
import dev.runtimeservice.manager.faststart.FastStart;
import dev.runtimeservice.manager.faststart.FastStartCache;
import dev.runtimeservice.manager.process.AgentHost;
import dev.runtimeservice.manager.process.AgentProcess;
import dev.runtimeservice.manager.process.Readiness;
import dev.runtimeservice.manager.state.LiveAgents.LiveAgent;
import dev.runtimeservice.manager.storage.Folders;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Spawns one launch's process (the fast way for jars) and waits until it is ready. Any failure is an
 * {@link AgentStartException} carrying the agent's last log lines; cleaning up is the caller's job.
 */
@Component
public class AgentSpawner {

    private static final Logger log = LoggerFactory.getLogger(AgentSpawner.class);

    private static final int LOG_TAIL_LINES = 20;

    private final AgentHost host;
    private final LaunchPlanner planner;
    private final FastStartCache fastStart;
    private final LogTail logTail;
    private final ApplicationEventPublisher events;
    private final AgentRegistry registry;
    private final StartSlots slots;
    private final LaunchObservations observations;

    AgentSpawner(
            AgentHost host,
            LaunchPlanner planner,
            FastStartCache fastStart,
            LogTail logTail,
            ApplicationEventPublisher events,
            AgentRegistry registry,
            StartSlots slots,
            LaunchObservations observations) {
        this.host = host;
        this.planner = planner;
        this.fastStart = fastStart;
        this.logTail = logTail;
        this.events = events;
        this.registry = registry;
        this.slots = slots;
        this.observations = observations;
    }

    /**
     * Spawns the agent once a start slot is free, or starts its warm standby if it has one, and returns once it is
     * RUNNING; its exit is published as {@link AgentExited}. Observed as one launch (see {@link LaunchObservations}).
     */
    void spawn(ManagedAgent agent, @Nullable Standby standby) throws IOException {
        try (Launch launch = observations.start(agent)) {
            try {
                spawn(agent, standby, launch);
            } catch (IOException | RuntimeException e) {
                launch.failed(e);
                throw e;
            }
        }
    }

    private void spawn(ManagedAgent agent, @Nullable Standby standby, Launch launch) throws IOException {
        if (standby != null && startStandby(agent, standby, launch)) {
            return;
        }
        AgentDescriptor descriptor = agent.descriptor();
        if (!host.runsLocally()) {
            spawnElsewhere(agent, launch);
            return;
        }
        if (descriptor.jar() == null && descriptor.command().isEmpty()) {
            throw new AgentNotSpawnedException(
                    agent.name(),
                    "it has only a container image, which runs with RUNTIME_BACKEND=kubernetes; give it a 'jar' or "
                            + "a 'command' to run it here",
                    List.of());
        }
        if (descriptor.jar() != null && !Files.isRegularFile(descriptor.jar())) {
            throw new AgentNotSpawnedException(
                    agent.name(),
                    "its jar " + descriptor.jar() + " does not exist; build it with ./mvnw -DskipTests package",
                    lastLines(agent));
        }
        if (descriptor.jar() != null) {
            Folders.makeEmpty(descriptor.tempDir());
        }
        FastStart fast = descriptor.jar() == null
                ? null
                : fastStart
                        .prepare(agent.name(), descriptor.jar(), descriptor.jvmArgs(), descriptor.user(), agent.id())
                        .orElse(null);
        acquireSlot(agent, launch);
        AgentProcess process;
        try {
            process = launch.step("spawn", () -> host.launch(planner.plan(agent, fast)));
            attach(agent, process, fast);
            awaitReady(agent, process, launch);
        } finally {
            slots.release();
        }
        if (fast != null) {
            fastStart.checkUsed(agent.name(), fast, process.pid());
        }
    }

    /** Spawns the agent through a host that runs it elsewhere (Kubernetes), where no jar or fast start applies. */
    private void spawnElsewhere(ManagedAgent agent, Launch launch) throws IOException {
        acquireSlot(agent, launch);
        try {
            AgentProcess process = launch.step("spawn", () -> host.launch(planner.plan(agent, null)));
            attach(agent, process, null);
            awaitReady(agent, process, launch);
        } finally {
            slots.release();
        }
    }

    /**
     * Starts the agent from its warm standby and returns once it is RUNNING; false, with the standby ended, if
     * its process is gone, so that the agent starts the usual way.
     */
    private boolean startStandby(ManagedAgent agent, Standby standby, Launch launch) {
        if (!standby.warm()) {
            log.info(
                    "Agent {} waits for its standby (pid {}), which is still warming up",
                    agent.name(),
                    standby.process().pid());
            if (!standby.awaitWarm(planner.startupTimeout(), agent::stopRequested)) {
                standby.discard();
                if (agent.stopRequested()) {
                    throw new AgentStoppedDuringStartException(agent.name());
                }
                log.info(
                        "The standby of agent {} ended before it was warm; the agent starts the usual way",
                        agent.name());
                return false;
            }
        }
        acquireSlot(agent, launch);
        try {
            try {
                launch.run("standby start", standby::start);
            } catch (IOException e) {
                return false;
            }
            launch.fromStandby();
            attach(agent, standby.process(), standby.fastStart());
            awaitReady(agent, standby.process(), launch);
        } finally {
            slots.release();
        }
        fastStart.checkUsed(agent.name(), standby.fastStart(), standby.process().pid());
        return true;
    }

    private void acquireSlot(ManagedAgent agent, Launch launch) {
        launch.run("start slot wait", () -> slots.acquire(agent));
    }

    /**
     * Gives the launch its process and records it in the state file, so that from now on a manager started after
     * a crash finds it; the process's end is published as {@link AgentExited} if the agent was RUNNING.
     */
    private void attach(ManagedAgent agent, AgentProcess process, @Nullable FastStart fast) {
        agent.attach(process, fast);
        registry.persist();
        host.track(process);
        process.onExit().thenAccept(code -> {
            // Exits during start or stop are handled there; only a RUNNING agent's exit is a crash.
            if (agent.state() == AgentState.RUNNING) {
                events.publishEvent(new AgentExited(agent, code));
            }
        });
    }

    /** Takes over the process an earlier manager left running for this agent; empty if it is gone. */
    public Optional<AgentProcess> adopt(LiveAgent found) {
        return host.adopt(found.name(), found.pid(), planner.outputOf(found.name(), found.id()));
    }

    /** Gives a launch taken over from an earlier manager its process, as {@link #attach} does for a new one. */
    public void attachAdopted(ManagedAgent agent, AgentProcess process) {
        FastStart fast = process.arguments().flatMap(fastStart::recover).orElse(null);
        attach(agent, process, fast);
    }

    /** Waits until an agent taken over from an earlier manager answers its readiness path. */
    public Readiness awaitAdopted(ManagedAgent agent, AgentProcess process) {
        return host.awaitReady(process, planner.healthUrl(agent), planner.startupTimeout());
    }

    /** Why an agent taken over was not ready in time, as its host tells it (see {@link AgentHost#notReady}). */
    public String notReady(ManagedAgent agent, AgentProcess process) {
        return host.notReady(process, planner.healthUrl(agent), planner.startupTimeout());
    }

    /** A failure to spawn the agent, with its last log lines. */
    AgentStartException notSpawned(ManagedAgent agent, String what) {
        return new AgentNotSpawnedException(agent.name(), what, lastLines(agent));
    }

    /** The agent's last log lines, read once its output is drained. */
    private List<String> lastLines(ManagedAgent agent) {
        return logTail.last(agent.name(), agent.process().orElse(null), LOG_TAIL_LINES);
    }

    private void awaitReady(ManagedAgent agent, AgentProcess process, Launch launch) {
        URI health = planner.healthUrl(agent);
        Readiness result = launch.step("readiness", () -> host.awaitReady(process, health, planner.startupTimeout()));
        if (agent.stopRequested()) {
            throw new AgentStoppedDuringStartException(agent.name());
        }
        switch (result.outcome()) {
            case READY -> agent.moveTo(AgentState.RUNNING);
            case EXITED ->
                throw new AgentExitedDuringStartException(
                        agent.name(),
                        process.endCause()
                                .map(cause -> cause.beforeReady(result.exitCode()))
                                .orElse("the process exited with code " + result.exitCode() + " before it was ready"),
                        lastLines(agent));
            case PORT_TAKEN ->
                throw new AgentPortTakenException(
                        agent.name(),
                        "another process took its port "
                                + agent.port()
                                + " before it could listen there, and answered its readiness probe; stop that "
                                + "process, or give the agent another port",
                        lastLines(agent));
            case TIMED_OUT ->
                throw new AgentStartTimeoutException(
                        agent.name(), host.notReady(process, health, planner.startupTimeout()), lastLines(agent));
        }
    }
}
