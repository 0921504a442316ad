package dev.runtimeservice.manager.agent.standby;

import dev.runtimeservice.manager.agent.AgentRegistry;
import dev.runtimeservice.manager.agent.AgentState;
import dev.runtimeservice.manager.agent.catalog.AgentCatalog;
import dev.runtimeservice.manager.agent.catalog.AgentDescriptor;
import dev.runtimeservice.manager.agent.launch.LaunchIds;
import dev.runtimeservice.manager.agent.launch.LaunchPlanner;
import dev.runtimeservice.manager.agent.launch.LogTail;
import dev.runtimeservice.manager.config.InvalidSettingException;
import dev.runtimeservice.manager.config.StandbyProperties;
import dev.runtimeservice.manager.error.RuntimeServiceException;
import dev.runtimeservice.manager.faststart.FastStart;
import dev.runtimeservice.manager.faststart.FastStartCache;
import dev.runtimeservice.manager.process.AgentHost;
import dev.runtimeservice.manager.process.LaunchPlan;
import dev.runtimeservice.manager.process.StandbyProcess;
import dev.runtimeservice.manager.storage.Folders;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.jar.JarFile;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Keeps the agents named in {@code AGENT_STANDBY} in warm standby while they do not run, one JVM each (see
 * {@link Standby}), so that launching one starts it in a fraction of a second. A standby is made only while no
 * launch is starting and no other standby is warming up, and a launch ends the standbys still warming up, so that
 * they never take CPU from a launch; one that fails three times in a row is not made again until its agent is
 * launched. A launch takes its agent's standby if it is warm and was made from the
 * same descriptor, port and class archive; else the standby is ended and the agent starts the usual way.
 */
@Component
public class StandbyPool implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(StandbyPool.class);
    private static final Duration CHECK_PERIOD = Duration.ofMillis(500);
    static final int MAX_FAILURES = 3;
    /** How long a discarded standby may take to end: it halts as soon as it reads the end of its input. */
    private static final Duration END_WAIT = Duration.ofSeconds(2);
    /**
     * After the web server has started (its phase is {@code Integer.MAX_VALUE - 2048}), so that the manager's URL,
     * which a standby's environment carries, is known; stopped first, before the agents are.
     */
    private static final int PHASE = Integer.MAX_VALUE - 1;

    private final List<String> names;
    private final AgentCatalog catalog;
    private final AgentRegistry registry;
    private final FastStartCache fastStart;
    private final AgentHost host;
    private final LaunchPlanner planner;
    private final LogTail logTail;
    private final Map<String, Standby> standbys = new LinkedHashMap<>();
    private final Map<String, Integer> failures = new HashMap<>();
    private @Nullable ScheduledExecutorService scheduler;

    StandbyPool(
            StandbyProperties standby,
            AgentCatalog catalog,
            AgentRegistry registry,
            FastStartCache fastStart,
            AgentHost host,
            LaunchPlanner planner,
            LogTail logTail) {
        this.names = standby.agents();
        this.catalog = catalog;
        this.registry = registry;
        this.fastStart = fastStart;
        this.host = host;
        this.planner = planner;
        this.logTail = logTail;
        names.forEach(this::check);
    }

    /** Refuses to boot with a name that cannot have a standby, saying which and why. */
    private void check(String name) {
        AgentDescriptor descriptor;
        try {
            descriptor = catalog.find(name);
        } catch (RuntimeServiceException e) {
            throw new InvalidSettingException("AGENT_STANDBY names " + name + ": " + e.getMessage());
        }
        if (descriptor.jar() == null || descriptor.port() == null) {
            throw new InvalidSettingException("AGENT_STANDBY names " + name + ", which cannot be kept in standby: only "
                    + "a jar agent with a fixed port (jar: and port: in its agent.yml) can; remove it from the list");
        }
    }

    @Override
    public synchronized void start() {
        if (names.isEmpty()) {
            return;
        }
        ScheduledExecutorService started = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "standby");
            thread.setDaemon(true);
            return thread;
        });
        started.scheduleWithFixedDelay(
                this::fill, CHECK_PERIOD.toMillis(), CHECK_PERIOD.toMillis(), TimeUnit.MILLISECONDS);
        scheduler = started;
        log.info("Keeping agents in warm standby while they do not run: {}", names);
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
        standbys.values().forEach(Standby::discard);
        standbys.values().forEach(this::awaitEnd);
        standbys.clear();
    }

    /** Waits until a discarded standby has ended, killing it if it does not, and deletes its files. */
    private void awaitEnd(Standby standby) {
        try {
            standby.process().onExit().get(END_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            host.kill(standby.process());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        cleanUp(standby);
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }

    /**
     * The warm standby of the agent if it was made for this launch: the same descriptor and port, and the class
     * archive the agent would start with now. A standby that does not fit, or still warms up, is ended.
     */
    public synchronized Optional<Standby> take(AgentDescriptor descriptor, int port) {
        endWarmingUp(descriptor.name());
        // Each launch gives a failing standby its tries again: its jar may have been built or fixed since.
        failures.remove(descriptor.name());
        Standby standby = standbys.remove(descriptor.name());
        if (standby == null) {
            return Optional.empty();
        }
        String misfit = misfit(standby, descriptor, port);
        if (misfit != null) {
            log.info("Not using the standby of agent {}: {}; it starts the usual way", descriptor.name(), misfit);
            standby.discard();
            return Optional.empty();
        }
        registry.listener().standbyUsed(descriptor.name(), standby.process().pid());
        return Optional.of(standby);
    }

    /** Ends the other agents' standbys that still warm up, so that they do not take CPU from a launch. */
    private void endWarmingUp(String launched) {
        standbys.values().removeIf(standby -> {
            boolean warmingUp = !standby.launch().descriptor().name().equals(launched) && !standby.warm();
            if (warmingUp) {
                log.info(
                        "Ending the standby of agent {}, still warming up, while agent {} starts; it is made again "
                                + "later",
                        standby.launch().descriptor().name(),
                        launched);
                standby.discard();
            }
            return warmingUp;
        });
    }

    private @Nullable String misfit(Standby standby, AgentDescriptor descriptor, int port) {
        if (!standby.warm()) {
            return "it is still warming up";
        }
        if (!standby.launch().descriptor().equals(descriptor)) {
            return "its agent.yml changed since the standby was made";
        }
        if (standby.launch().port() != port) {
            return "it was made for port " + standby.launch().port();
        }
        Optional<Path> archive = fastStart.archive(Objects.requireNonNull(descriptor.jar()), descriptor.jvmArgs());
        if (!archive.equals(Optional.ofNullable(standby.fastStart().archive()))) {
            return "its jar or class archive changed since the standby was made";
        }
        return null;
    }

    private void fill() {
        try {
            fillOne();
        } catch (RuntimeException e) {
            log.warn("Could not make a warm standby: {}", e.toString());
        }
    }

    /** Says which standbys became warm, then makes one missing standby if nothing is starting or warming up. */
    private synchronized void fillOne() {
        standbys.values().stream()
                .filter(Standby::warm)
                .filter(Standby::announceWarm)
                .forEach(standby -> {
                    log.info(
                            "Agent {} is warm in standby (pid {}): its launch will take a fraction of a second",
                            standby.launch().descriptor().name(),
                            standby.process().pid());
                    registry.listener()
                            .standbyWarm(
                                    standby.launch().descriptor().name(),
                                    standby.process().pid());
                });
        if (scheduler == null
                || standbys.values().stream().anyMatch(standby -> !standby.warm())
                || registry.all().stream().anyMatch(agent -> agent.state() == AgentState.STARTING)) {
            return;
        }
        names.stream()
                .filter(name ->
                        !standbys.containsKey(name) && registry.find(name).isEmpty())
                .filter(name -> failures.getOrDefault(name, 0) < MAX_FAILURES)
                .findFirst()
                .ifPresent(this::make);
    }

    private void make(String name) {
        try {
            AgentDescriptor descriptor = catalog.find(name);
            Path jar = descriptor.jar();
            if (jar == null
                    || descriptor.port() == null
                    || fastStart.archive(jar, descriptor.jvmArgs()).isEmpty()) {
                // No archive yet: the agent's next launch records it, and a standby follows the launch after.
                return;
            }
            String id = LaunchIds.newId();
            FastStart fast =
                    fastStart.prepare(name, jar, descriptor.jvmArgs(), id).orElse(null);
            if (fast == null || fast.archive() == null || fast.training() != null) {
                return;
            }
            Folders.makeEmpty(descriptor.tempDir());
            Path warmFile = descriptor.tempDir().resolve("standby.warm");
            Standby.Launch launch = new Standby.Launch(descriptor, id, LaunchIds.newToken(), descriptor.port());
            LaunchPlan plan = planner.standby(launch, fast, mainClass(fast.jar()), warmFile);
            StandbyProcess process = host.launchStandby(plan);
            Standby standby = new Standby(launch, fast, process, warmFile);
            standbys.put(name, standby);
            process.process().onExit().thenAccept(code -> ended(standby, code));
            log.info(
                    "Agent {} warming up in standby (pid {})",
                    name,
                    process.process().pid());
        } catch (IOException | RuntimeException e) {
            failed(name, "it could not be made: " + e.getMessage());
        }
    }

    /** A standby's process ended: expected once it is discarded; a failure if it ended on its own. */
    private void ended(Standby standby, @Nullable Integer code) {
        if (standby.started()) {
            return;
        }
        cleanUp(standby);
        if (standby.discarded()) {
            return;
        }
        String name = standby.launch().descriptor().name();
        List<String> lastLines = logTail.last(name, standby.process(), 10);
        synchronized (this) {
            standbys.remove(name, standby);
            failed(name, "it exited with code " + code + ". Last log lines:\n" + String.join("\n", lastLines));
        }
    }

    private void failed(String name, String why) {
        int count = failures.merge(name, 1, Integer::sum);
        log.warn("The warm standby of agent {} failed ({} of {}): {}", name, count, MAX_FAILURES, why);
        if (count >= MAX_FAILURES) {
            log.error(
                    "No more warm standbys for agent {} until it is launched again: it failed {} times in a row; is "
                            + "the agent built on the agent SDK, and does it start when launched?",
                    name,
                    MAX_FAILURES);
        }
    }

    private static void cleanUp(Standby standby) {
        try {
            standby.process().deleteOutput();
            Files.deleteIfExists(standby.warmFile());
        } catch (IOException e) {
            log.debug("Could not delete the files of a standby", e);
        }
    }

    /** The agent's main class, from the extracted jar's manifest. */
    private static String mainClass(Path jar) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            String main = file.getManifest() == null
                    ? null
                    : file.getManifest().getMainAttributes().getValue("Main-Class");
            if (main == null) {
                throw new IOException(jar + " names no Main-Class in its manifest");
            }
            return main;
        }
    }
}
