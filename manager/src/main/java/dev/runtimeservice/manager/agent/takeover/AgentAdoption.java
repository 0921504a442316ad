package dev.runtimeservice.manager.agent.takeover;

import dev.runtimeservice.manager.agent.AgentRegistry;
import dev.runtimeservice.manager.agent.ManagedAgent;
import dev.runtimeservice.manager.process.AgentHost;
import dev.runtimeservice.manager.state.AgentRecord;
import dev.runtimeservice.manager.state.LiveAgents.LiveAgent;
import dev.runtimeservice.manager.state.StateFile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.stream.Collectors;
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
    private final AgentHost host;
    private final AgentRegistry registry;
    private final Adopter adopter;
    private final Leftovers leftovers;
    private final EndedLaunches ended;
    private volatile boolean running;

    AgentAdoption(
            StateFile stateFile,
            AgentHost host,
            AgentRegistry registry,
            Adopter adopter,
            Leftovers leftovers,
            EndedLaunches ended) {
        this.stateFile = stateFile;
        this.host = host;
        this.registry = registry;
        this.adopter = adopter;
        this.leftovers = leftovers;
        this.ended = ended;
    }

    @Override
    public void start() {
        running = true;
        StateFile.Loaded saved = stateFile.load();
        saved.problem().ifPresent(problem -> log.warn("{}; the running processes are used instead", problem));
        if (!host.canTakeOver()) {
            if (!saved.agents().isEmpty()) {
                log.warn(
                        "Cannot take over the {} agents of {}: that needs Linux's /proc",
                        saved.agents().size(),
                        stateFile.path());
            }
            return;
        }
        Map<Long, LiveAgent> live = host.running().stream()
                .collect(Collectors.toMap(LiveAgent::pid, Function.identity(), (a, b) -> a, LinkedHashMap::new));
        List<ManagedAgent> adopted = new ArrayList<>();
        for (AgentRecord record : saved.agents()) {
            LiveAgent process = live.get(record.pid());
            if (process == null || !sameLaunch(record, process)) {
                log.info(
                        "Agent {} (pid {}) of the previous manager no longer runs; forgetting it and freeing port {}",
                        record.name(),
                        record.pid(),
                        record.port());
                leftovers.forget(record.name(), record.id());
                continue;
            }
            live.remove(record.pid());
            adopter.adopt(process, record.restarts()).ifPresent(adopted::add);
        }
        for (LiveAgent stray : live.values()) {
            log.warn(
                    "Agent {} (pid {}, port {}) runs but the state file does not list it; taking it over",
                    stray.name(),
                    stray.pid(),
                    stray.port());
            adopter.adopt(stray, 0).ifPresent(adopted::add);
        }
        List<ManagedAgent> ready = awaitReady(adopted);
        // Before the ended launches come back: one restarted at once would make its new FIFO, which is no stray.
        leftovers.deleteStrayOutputs();
        ended.restore(saved.waiting(), saved.failed());
        registry.persist();
        if (!saved.agents().isEmpty() || !adopted.isEmpty()) {
            log.info(
                    "Took over {} running agents from the previous manager: {}",
                    ready.size(),
                    ready.stream()
                            .map(agent ->
                                    agent.name() + " (pid " + agent.pid().orElse(-1L) + ", port " + agent.port() + ")")
                            .toList());
        }
    }

    private static boolean sameLaunch(AgentRecord record, LiveAgent process) {
        return record.name().equals(process.name())
                && record.id().equals(process.id())
                && record.processStart().toEpochMilli() == process.start().toEpochMilli()
                && record.tokenDigest().equals(AgentRecord.digest(process.token()));
    }

    /** Waits, all together, until each agent taken over answers its readiness path; the others are stopped. */
    private List<ManagedAgent> awaitReady(List<ManagedAgent> adopted) {
        // A thread each: the common pool has one thread on two cores, and one agent still starting would hold up
        // the others.
        ExecutorService waiters = Executors.newCachedThreadPool();
        try {
            List<CompletableFuture<Boolean>> checks = adopted.stream()
                    .map(agent -> CompletableFuture.supplyAsync(() -> adopter.becameReady(agent), waiters))
                    .toList();
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
