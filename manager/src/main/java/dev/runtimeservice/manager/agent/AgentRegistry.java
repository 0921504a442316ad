package dev.runtimeservice.manager.agent;

import dev.runtimeservice.manager.process.AgentProcess;
import dev.runtimeservice.manager.state.AgentRecord;
import dev.runtimeservice.manager.state.FailedRecord;
import dev.runtimeservice.manager.state.StateFile;
import dev.runtimeservice.manager.state.WaitingRecord;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The current launch of each agent, one lock per agent name that serialises its launches and stops, and the
 * state file that keeps every launch with a live process, waiting for its restart or failed, for a manager started
 * after a crash.
 */
@Component
public class AgentRegistry {

    private static final Logger log = LoggerFactory.getLogger(AgentRegistry.class);

    private final Map<String, ManagedAgent> agents = new ConcurrentHashMap<>();
    private final Map<String, ReentrantLock> locks = new ConcurrentHashMap<>();
    private final StateFile stateFile;
    private final LifecycleListener listener;

    AgentRegistry(StateFile stateFile, ObjectProvider<LifecycleListener> listener) {
        this.stateFile = stateFile;
        this.listener = listener.getIfAvailable(() -> LifecycleListener.NONE);
    }

    /** Where the agents' lifecycle changes are told (the events package's listener, when it is there). */
    public LifecycleListener listener() {
        return listener;
    }

    public <T> T withLock(String name, Supplier<T> action) {
        ReentrantLock lock = locks.computeIfAbsent(name, key -> new ReentrantLock());
        lock.lock();
        try {
            return action.get();
        } finally {
            lock.unlock();
        }
    }

    public Optional<ManagedAgent> find(String name) {
        return Optional.ofNullable(agents.get(name));
    }

    public void put(ManagedAgent agent) {
        agent.observe(listener);
        agents.put(agent.name(), agent);
        listener.registered(agent);
    }

    public void remove(ManagedAgent agent) {
        agents.remove(agent.name(), agent);
    }

    public Collection<ManagedAgent> all() {
        return List.copyOf(agents.values());
    }

    /**
     * Saves every launch whose process runs, every agent waiting for its restart and every failed one. Called after
     * each change; a state file that cannot be written is logged, not fatal: the agents still run, only a crash of
     * this manager would then lose track of them.
     */
    public synchronized void persist() {
        List<AgentRecord> records = agents.values().stream()
                .filter(agent -> agent.state().isStoppable())
                .flatMap(agent ->
                        agent
                                .process()
                                .filter(AgentProcess::isAlive)
                                .flatMap(process -> record(agent, process))
                                .stream())
                .toList();
        List<WaitingRecord> waiting = agents.values().stream()
                .flatMap(agent -> agent
                        .nextRestartAt()
                        .map(at -> new WaitingRecord(
                                agent.name(),
                                agent.id(),
                                agent.port(),
                                agent.startedAt(),
                                agent.restarts(),
                                at,
                                agent.failure().orElse("it ended")))
                        .stream())
                .toList();
        List<FailedRecord> failed = agents.values().stream()
                .filter(agent -> agent.state() == AgentState.FAILED)
                .map(agent -> new FailedRecord(
                        agent.name(),
                        agent.id(),
                        agent.port(),
                        agent.startedAt(),
                        agent.restarts(),
                        agent.failure().orElse("it failed"),
                        agent.exitCode().orElse(null)))
                .toList();
        try {
            stateFile.save(records, waiting, failed);
        } catch (UncheckedIOException e) {
            log.error(
                    "{}: {}. A manager started after a crash of this one would not find these agents.",
                    e.getMessage(),
                    String.valueOf(e.getCause()));
        }
    }

    private static Optional<AgentRecord> record(ManagedAgent agent, AgentProcess process) {
        Optional<Instant> start = process.startInstant();
        return start.map(instant -> new AgentRecord(
                agent.name(),
                agent.id(),
                process.pid(),
                instant,
                agent.port(),
                AgentRecord.digest(agent.token()),
                agent.restarts()));
    }
}
