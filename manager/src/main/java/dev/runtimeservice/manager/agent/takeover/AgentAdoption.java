package dev.runtimeservice.manager.agent.takeover;

import dev.runtimeservice.manager.agent.AgentRegistry;
import dev.runtimeservice.manager.agent.AgentState;
import dev.runtimeservice.manager.agent.ManagedAgent;
import dev.runtimeservice.manager.agent.catalog.AgentCatalog;
import dev.runtimeservice.manager.agent.catalog.AgentDescriptor;
import dev.runtimeservice.manager.agent.launch.AgentLifecycle;
import dev.runtimeservice.manager.agent.launch.AgentSpawner;
import dev.runtimeservice.manager.config.RuntimeProperties;
import dev.runtimeservice.manager.error.RuntimeServiceException;
import dev.runtimeservice.manager.faststart.FastStart;
import dev.runtimeservice.manager.faststart.FastStartCache;
import dev.runtimeservice.manager.port.PortPool;
import dev.runtimeservice.manager.process.AgentLauncher;
import dev.runtimeservice.manager.process.AgentProcess;
import dev.runtimeservice.manager.process.ProcessTreeStopper;
import dev.runtimeservice.manager.process.Readiness;
import dev.runtimeservice.manager.resources.ResourcesFiles;
import dev.runtimeservice.manager.resources.ResourcesFingerprint;
import dev.runtimeservice.manager.resources.SecretRedactor;
import dev.runtimeservice.manager.state.AgentRecord;
import dev.runtimeservice.manager.state.LiveAgents.LiveAgent;
import dev.runtimeservice.manager.state.LiveAgents;
import dev.runtimeservice.manager.state.StateFile;
import dev.runtimeservice.manager.state.StateProperties;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Takes over the agents an earlier manager left running (it was killed, or stopped with KEEP_AGENTS_ON_EXIT),
 * before this manager accepts any request, so no agent is ever started twice. Each agent in the state file is
 * taken over only if a process with its pid still runs, started at the recorded time, writes to its launch's FIFO
 * and carries its launch token; anything else is forgotten and its port freed, and a process that merely reuses
 * the pid is never signalled. Agents found running but missing from the state file (it was lost or corrupt) are
 * taken over too; then the agents whose launch had ended are brought back ({@link EndedLaunches}). Every decision is
 * logged.
 */
@Component
class AgentAdoption implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AgentAdoption.class);
    /** Before the web server starts (its phase is near {@code Integer.MAX_VALUE}), so no request races with it. */
    private static final int PHASE = 0;

    private final StateFile stateFile;
    private final StateProperties state;
    private final LiveAgents liveAgents;
    private final AgentCatalog catalog;
    private final AgentRegistry registry;
    private final PortPool ports;
    private final AgentLauncher launcher;
    private final AgentSpawner spawner;
    private final AgentLifecycle lifecycle;
    private final ProcessTreeStopper stopper;
    private final ResourcesFiles resourcesFiles;
    private final ResourcesFingerprint fingerprint;
    private final SecretRedactor redactor;
    private final RuntimeProperties properties;
    private final FastStartCache fastStart;
    private final EndedLaunches ended;
    private volatile boolean running;

    AgentAdoption(StateFile stateFile, StateProperties state, LiveAgents liveAgents, AgentCatalog catalog,
            AgentRegistry registry, PortPool ports, AgentLauncher launcher, AgentSpawner spawner, AgentLifecycle lifecycle,
            ProcessTreeStopper stopper, ResourcesFiles resourcesFiles, ResourcesFingerprint fingerprint,
            SecretRedactor redactor, RuntimeProperties properties, FastStartCache fastStart, EndedLaunches ended) {
        this.fastStart = fastStart;
        this.ended = ended;
        this.stateFile = stateFile;
        this.state = state;
        this.liveAgents = liveAgents;
        this.catalog = catalog;
        this.registry = registry;
        this.ports = ports;
        this.launcher = launcher;
        this.spawner = spawner;
        this.lifecycle = lifecycle;
        this.stopper = stopper;
        this.resourcesFiles = resourcesFiles;
        this.fingerprint = fingerprint;
        this.redactor = redactor;
        this.properties = properties;
    }

    @Override
    public void start() {
        running = true;
        StateFile.Loaded saved = stateFile.load();
        saved.problem().ifPresent(problem -> log.warn("{}; the running processes are used instead", problem));
        if (!LiveAgents.supported()) {
            if (!saved.agents().isEmpty()) {
                log.warn("Cannot take over the {} agents of {}: that needs Linux's /proc", saved.agents().size(),
                        stateFile.path());
            }
            return;
        }
        Map<Long, LiveAgent> live = liveAgents.find().stream()
                .collect(Collectors.toMap(LiveAgent::pid, Function.identity(), (a, b) -> a, LinkedHashMap::new));
        List<ManagedAgent> adopted = new ArrayList<>();
        for (AgentRecord record : saved.agents()) {
            LiveAgent process = live.get(record.pid());
            if (process == null || !sameLaunch(record, process)) {
                log.info("Agent {} (pid {}) of the previous manager no longer runs; forgetting it and freeing port {}",
                        record.name(), record.pid(), record.port());
                forget(record.name(), record.id());
                continue;
            }
            live.remove(record.pid());
            adopt(process, record.restarts()).ifPresent(adopted::add);
        }
        for (LiveAgent stray : live.values()) {
            log.warn("Agent {} (pid {}, port {}) runs but the state file does not list it; taking it over",
                    stray.name(), stray.pid(), stray.port());
            adopt(stray, 0).ifPresent(adopted::add);
        }
        List<ManagedAgent> ready = awaitReady(adopted);
        // Before the ended launches come back: one restarted at once would make its new FIFO, which is no stray.
        deleteStrayOutputs();
        ended.restore(saved.waiting(), saved.failed());
        registry.persist();
        if (!saved.agents().isEmpty() || !adopted.isEmpty()) {
            log.info("Took over {} running agents from the previous manager: {}", ready.size(),
                    ready.stream().map(agent -> agent.name() + " (pid " + agent.pid().orElse(-1L) + ", port "
                            + agent.port() + ")").toList());
        }
    }

    /**
     * Deletes the output FIFOs that no agent taken over writes to: those of launches that ended while no manager
     * ran, and of warm standbys, which end with the manager. Nothing would open them again.
     */
    private void deleteStrayOutputs() {
        Set<Path> kept = registry.all().stream().filter(agent -> agent.process().isPresent())
                .map(agent -> state.outputOf(agent.name(), agent.id())).collect(Collectors.toSet());
        try (Stream<Path> files = Files.list(state.directory())) {
            files.filter(file -> file.getFileName().toString().endsWith(".out")).filter(file -> !kept.contains(file))
                    .forEach(file -> {
                        try {
                            Files.deleteIfExists(file);
                        } catch (IOException e) {
                            log.debug("Could not delete {}", file, e);
                        }
                    });
        } catch (IOException e) {
            log.debug("Could not list {}", state.directory(), e);
        }
    }

    private static boolean sameLaunch(AgentRecord record, LiveAgent process) {
        return record.name().equals(process.name()) && record.id().equals(process.id())
                && record.processStart().toEpochMilli() == process.start().toEpochMilli()
                && record.tokenDigest().equals(AgentRecord.digest(process.token()));
    }

    private Optional<ManagedAgent> adopt(LiveAgent found, int restarts) {
        Optional<AgentProcess> process = launcher.adopt(found.name(), found.pid(), state.outputOf(found.name(), found.id()));
        if (process.isEmpty()) {
            log.info("Agent {} (pid {}) ended while it was being taken over; forgetting it", found.name(), found.pid());
            forget(found.name(), found.id());
            return Optional.empty();
        }
        AgentDescriptor descriptor;
        try {
            descriptor = catalog.find(found.name());
        } catch (RuntimeServiceException e) {
            return refuse(found, process.get(), "its descriptor cannot be used any more: " + e.getMessage());
        }
        if (registry.find(found.name()).isPresent()) {
            return refuse(found, process.get(), "another process of the same agent was taken over already");
        }
        if (!ports.claim(found.name(), found.port())) {
            return refuse(found, process.get(), "its port " + found.port() + " is given to another agent");
        }
        Map<String, Object> resources = resourcesFiles.read(descriptor.resourcesFile(), found.id()).orElse(Map.of());
        redactor.register(found.id(), resources);
        ManagedAgent agent = new ManagedAgent(descriptor, found.id(), found.port(), "127.0.0.1", found.token(),
                fingerprint.of(resources), resources, restarts, null, found.start());
        registry.put(agent);
        FastStart fast = process.get().handle().info().arguments()
                .flatMap(arguments -> fastStart.recover(List.of(arguments))).orElse(null);
        spawner.attach(agent, process.get(), fast);
        return Optional.of(agent);
    }

    /** Stops an agent process that cannot be taken over, so that no agent runs twice or unmanaged. */
    private Optional<ManagedAgent> refuse(LiveAgent found, AgentProcess process, String why) {
        log.warn("Stopping agent {} (pid {}) instead of taking it over: {}", found.name(), found.pid(), why);
        stopper.stop(process, null, found.token(), properties.agentShutdownTimeout());
        try {
            process.deleteOutput();
        } catch (IOException e) {
            log.debug("Could not delete the output FIFO of pid {}", found.pid(), e);
        }
        return Optional.empty();
    }

    /** Waits, all together, until each agent taken over answers its readiness path; the others are stopped. */
    private List<ManagedAgent> awaitReady(List<ManagedAgent> adopted) {
        // A thread each: the common pool has one thread on two cores, and one agent still starting would hold up
        // the others.
        ExecutorService waiters = Executors.newCachedThreadPool();
        try {
            List<CompletableFuture<Boolean>> checks = adopted.stream()
                    .map(agent -> CompletableFuture.supplyAsync(() -> becameReady(agent), waiters)).toList();
            List<ManagedAgent> ready = new ArrayList<>();
            for (int i = 0; i < adopted.size(); i++) {
                if (checks.get(i).join()) {
                    ready.add(adopted.get(i));
                }
            }
            return ready;
        } finally {
            waiters.shutdown();
        }
    }

    private boolean becameReady(ManagedAgent agent) {
        AgentProcess process = agent.process().orElseThrow();
        Readiness readiness = spawner.awaitAdopted(agent, process);
        if (readiness.outcome() == Readiness.Outcome.READY && agent.moveTo(AgentState.RUNNING)) {
            return true;
        }
        log.warn("Agent {} (pid {}) taken over from the previous manager {}; stopping and forgetting it", agent.name(),
                process.pid(), switch (readiness.outcome()) {
                    case EXITED -> "ended";
                    case PORT_TAKEN -> "no longer listens on its port " + agent.port() + ", which another process took";
                    default -> "did not answer " + agent.descriptor().healthPath() + " within AGENT_STARTUP_TIMEOUT";
                });
        lifecycle.stop(agent.name(), agent);
        return false;
    }

    /** Frees what a launch that no longer runs left behind: its FIFO, and its resources file if still its own. */
    private void forget(String name, String id) {
        try {
            Files.deleteIfExists(state.outputOf(name, id));
            catalog.find(List.of(name)).stream().map(AgentDescriptor::resourcesFile)
                    .filter(file -> resourcesFiles.read(file, id).isPresent())
                    .forEach(resourcesFiles::delete);
        } catch (IOException | RuntimeException e) {
            log.debug("Could not clean up after agent {} launch {}", name, id, e);
        }
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }
}
