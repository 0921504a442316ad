package dev.runtimeservice.manager.agent.standby;

import dev.runtimeservice.manager.agent.AgentRegistry;
import dev.runtimeservice.manager.agent.AgentState;
import dev.runtimeservice.manager.agent.catalog.AgentCatalog;
import dev.runtimeservice.manager.agent.catalog.AgentDescriptor;
import dev.runtimeservice.manager.agent.launch.LaunchIds;
import dev.runtimeservice.manager.agent.launch.LaunchPlanner;
import dev.runtimeservice.manager.agent.launch.LogTail;
import dev.runtimeservice.manager.config.RuntimeProperties;
import dev.runtimeservice.manager.config.StandbyProperties;
import dev.runtimeservice.manager.faststart.FastStart;
import dev.runtimeservice.manager.faststart.FastStartCache;
import dev.runtimeservice.manager.process.AgentHost;
import dev.runtimeservice.manager.process.LaunchPlan;
import dev.runtimeservice.manager.process.StandbyProcess;
import dev.runtimeservice.manager.scheduling.PeriodicTask;
import dev.runtimeservice.manager.storage.Folders;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.jar.JarFile;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Keeps agents in warm standby while they do not run, one JVM each (see {@link Standby}), so that launching one starts
 * it in a fraction of a second: by default every agent that can be kept so, within a memory budget
 * ({@link StandbyProperties}, {@link StandbyBudget}). Standbys are made while no launch is starting, as many warming up
 * at once as agents may start at once; a launch request ends the other agents' standbys still warming up, so that they
 * never take CPU from it. One that fails three times in a row is not made again until its agent is launched. A launch
 * takes its agent's standby, waiting for it if it still warms up, when it was made from the same descriptor, port and
 * class archive; else the standby is ended and the agent starts the usual way.
 */
@Component
public class StandbyPool implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(StandbyPool.class);
    private static final Duration CHECK_PERIOD = Duration.ofMillis(500);
    /**
     * Once every standby it could make is warm, the pool looks for one to make only every this many checks (5 s): an
     * agent that stopped gets its standby a few seconds later, and an idle manager does not scan its agents twice a
     * second.
     */
    private static final int QUIET_CHECKS = 10;

    static final int MAX_FAILURES = 3;
    /**
     * A standby that began warming up less than this ago is behind a new process, not further on: its warm-up takes
     * about as long as a start, and the start from warm (about 0.5 s for a built-in agent) comes on top. A launch
     * ends it and starts its agent the usual way; this happens when the launch comes right after a stop.
     */
    public static final Duration JUST_MADE = Duration.ofSeconds(1);
    /** How long a discarded standby may take to end: it halts as soon as it reads the end of its input. */
    private static final Duration END_WAIT = Duration.ofSeconds(2);
    /**
     * After the web server has started (its phase is {@code Integer.MAX_VALUE - 2048}), so that the manager's URL,
     * which a standby's environment carries, is known; stopped first, before the agents are.
     */
    private static final int PHASE = Integer.MAX_VALUE - 1;

    private final StandbyProperties properties;
    private final StandbyCandidates candidates;
    private final StandbyBudget budget;
    private final int warmingAtOnce;
    private final AgentCatalog catalog;
    private final AgentRegistry registry;
    private final FastStartCache fastStart;
    private final AgentHost host;
    private final LaunchPlanner planner;
    private final LogTail logTail;
    private final Map<String, Standby> standbys = new LinkedHashMap<>();
    private final Map<String, Integer> failures = new HashMap<>();
    private final Set<String> overBudget = new HashSet<>();
    private final PeriodicTask filling = new PeriodicTask("standby", CHECK_PERIOD, this::fill);
    private boolean nothingToMake;
    private int quietChecks;

    StandbyPool(
            StandbyProperties standby,
            RuntimeProperties runtime,
            AgentCatalog catalog,
            AgentRegistry registry,
            FastStartCache fastStart,
            AgentHost host,
            LaunchPlanner planner,
            LogTail logTail) {
        this.properties = standby;
        this.candidates = new StandbyCandidates(standby, catalog);
        this.budget = new StandbyBudget(standby.memoryBudgetBytes(), host);
        // Warming up is CPU-bound like a start: as many at once as agents may start at once.
        this.warmingAtOnce = runtime.startSlots();
        this.catalog = catalog;
        this.registry = registry;
        this.fastStart = fastStart;
        this.host = host;
        this.planner = planner;
        this.logTail = logTail;
    }

    @Override
    public synchronized void start() {
        if (!properties.enabled()) {
            return;
        }
        if (!host.runsLocally()) {
            // A standby is a JVM waiting on this machine; agents that run elsewhere (pods) have none.
            if (properties.auto()) {
                log.info("No warm standby: agents do not run on this machine (RUNTIME_BACKEND)");
            } else {
                log.warn(
                        "AGENT_STANDBY names {}, but agents do not run on this machine (RUNTIME_BACKEND), so none is"
                                + " kept in warm standby; leave AGENT_STANDBY unset there",
                        properties.named());
            }
            return;
        }
        filling.start();
        log.info(
                "Keeping {} in warm standby while they do not run, within {} MB of memory (AGENT_STANDBY_MEMORY)",
                properties.auto()
                        ? "every jar agent with a fixed port built on the agent SDK"
                        : "agents " + properties.named(),
                budget.budget() >> 20);
    }

    @Override
    public synchronized void stop() {
        filling.stop();
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
        return filling.isRunning();
    }

    @Override
    public int getPhase() {
        return PHASE;
    }

    /**
     * A launch request for these agents arrives: the standbys of other agents that still warm up are ended, so that
     * they do not take CPU from its starts (they are made again later), and these agents get their standbys first
     * from now on.
     */
    public synchronized void launching(Collection<String> names) {
        names.forEach(candidates::launched);
        standbys.values().removeIf(standby -> {
            String name = standby.launch().descriptor().name();
            boolean warmingUp = !names.contains(name) && !standby.warm();
            if (warmingUp) {
                log.info(
                        "Ending the standby of agent {}, still warming up, while {} start; it is made again later",
                        name,
                        names);
                standby.discard();
            }
            return warmingUp;
        });
    }

    /**
     * Agents were stopped: the next of their standbys is made at once, on the pool's own thread, and the pool looks
     * for the others at every check from now on, instead of after its quiet checks (up to 5 s), so that a launch soon
     * after a stop finds its standby warm, or warming up and further on than a new process would be. Nothing is made
     * once the pool has stopped (the manager's own stop stops its agents after it).
     */
    public void stopped() {
        synchronized (this) {
            nothingToMake = false;
        }
        filling.runSoon(this::fill);
    }

    /**
     * Opens a launch of the agent with its standby if one was made for this launch: the same descriptor and port, and
     * the class archive the agent would start with now. It may still be warming up: it is then further on than a new
     * process would be, and the launch waits for it ({@link Standby#awaitWarm}). A standby that does not fit is
     * ended.
     */
    public synchronized <T> T take(AgentDescriptor descriptor, int port, Function<Optional<Standby>, T> open) {
        // Under the pool's lock until the launch is registered: else a standby could be made for the agent meanwhile,
        // and making one empties the agent's temporary folder, where the taken standby's warm file is.
        return open.apply(take(descriptor, port));
    }

    private Optional<Standby> take(AgentDescriptor descriptor, int port) {
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

    private @Nullable String misfit(Standby standby, AgentDescriptor descriptor, int port) {
        if (standby.discarded() || !standby.process().isAlive()) {
            return "its process has ended";
        }
        if (!standby.launch().descriptor().equals(descriptor)) {
            return "its agent.yml changed since the standby was made";
        }
        if (!standby.warm() && standby.age().compareTo(JUST_MADE) < 0) {
            return "it began warming up only " + standby.age().toMillis() + " ms ago, so a new process is further on";
        }
        if (standby.launch().port() != port) {
            return "it was made for port " + standby.launch().port();
        }
        Optional<Path> archive =
                fastStart.archive(Objects.requireNonNull(descriptor.jar()), descriptor.jvmArgs(), descriptor.user());
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

    /**
     * Says which standbys became warm and ends those past the memory budget, then makes one missing standby if
     * nothing is starting, fewer than the start slots are warming up, and it fits the budget.
     */
    private synchronized void fillOne() {
        if (nothingToMake && standbys.values().stream().allMatch(Standby::announced) && ++quietChecks < QUIET_CHECKS) {
            return;
        }
        quietChecks = 0;
        nothingToMake = false;
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
        endPastBudget();
        if (!filling.isRunning()
                || standbys.values().stream().filter(standby -> !standby.warm()).count() >= warmingAtOnce
                || registry.all().stream().anyMatch(agent -> agent.state() == AgentState.STARTING)) {
            return;
        }
        for (AgentDescriptor candidate : candidates.inOrder()) {
            String name = candidate.name();
            if (standbys.containsKey(name)
                    || registry.find(name).isPresent()
                    || failures.getOrDefault(name, 0) >= MAX_FAILURES) {
                continue;
            }
            if (!budget.fits(standbys.values(), name)) {
                tellOverBudget(name);
                continue;
            }
            if (make(candidate)) {
                return;
            }
        }
        nothingToMake = true;
    }

    /** Ends the standbys made last while all together hold more than the budget (an estimate was too low). */
    private void endPastBudget() {
        List<Standby> newestFirst = new ArrayList<>(standbys.values());
        Collections.reverse(newestFirst);
        for (Standby standby : newestFirst) {
            if (budget.held(standbys.values()) <= budget.budget()) {
                return;
            }
            String name = standby.launch().descriptor().name();
            log.info(
                    "Ending the standby of agent {}: the standbys hold more than AGENT_STANDBY_MEMORY={} MB",
                    name,
                    budget.budget() >> 20);
            standbys.remove(name);
            standby.discard();
        }
    }

    private void tellOverBudget(String name) {
        if (overBudget.add(name)) {
            log.info(
                    "Agent {} is not kept in warm standby for now: with it the standbys would hold more than "
                            + "AGENT_STANDBY_MEMORY={} MB",
                    name,
                    budget.budget() >> 20);
        }
    }

    /** Makes the agent's standby if it can have one now; false if not (no class archive yet, say). */
    private boolean make(AgentDescriptor descriptor) {
        String name = descriptor.name();
        try {
            Path jar = descriptor.jar();
            if (jar == null
                    || descriptor.port() == null
                    || fastStart
                            .archive(jar, descriptor.jvmArgs(), descriptor.user())
                            .isEmpty()) {
                // No archive yet: the agent's next launch records it, and a standby follows the launch after.
                return false;
            }
            String id = LaunchIds.newId();
            FastStart fast = fastStart
                    .prepare(name, jar, descriptor.jvmArgs(), descriptor.user(), id)
                    .orElse(null);
            if (fast == null
                    || fast.archive() == null
                    || fast.training() != null
                    || !candidates.canWait(name, fast.jar())) {
                return false;
            }
            Folders.makeEmpty(descriptor.tempDir());
            Path warmFile = descriptor.tempDir().resolve("standby.warm");
            Standby.Launch launch = new Standby.Launch(descriptor, id, LaunchIds.newToken(), descriptor.port());
            LaunchPlan plan = planner.standby(launch, fast, mainClass(fast.jar()), warmFile);
            StandbyProcess process = host.launchStandby(plan);
            Standby standby = new Standby(launch, fast, process, warmFile);
            standbys.put(name, standby);
            overBudget.remove(name);
            host.track(process.process());
            process.process().onExit().thenAccept(code -> ended(standby, code));
            log.info(
                    "Agent {} warming up in standby (pid {})",
                    name,
                    process.process().pid());
            return true;
        } catch (IOException | RuntimeException e) {
            failed(name, "it could not be made: " + e.getMessage());
            return false;
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

    private void cleanUp(Standby standby) {
        if (!standby.started()) {
            host.forget(standby.process());
        }
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
