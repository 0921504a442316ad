package dev.runtimeservice.manager.agent;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/** The current launch of each agent, and one lock per agent name that serialises its launches and stops. */
@Component
class AgentRegistry {

    private final Map<String, ManagedAgent> agents = new ConcurrentHashMap<>();
    private final Map<String, ReentrantLock> locks = new ConcurrentHashMap<>();

    <T> T withLock(String name, Supplier<T> action) {
        ReentrantLock lock = locks.computeIfAbsent(name, key -> new ReentrantLock());
        lock.lock();
        try {
            return action.get();
        } finally {
            lock.unlock();
        }
    }

    Optional<ManagedAgent> find(String name) {
        return Optional.ofNullable(agents.get(name));
    }

    void put(ManagedAgent agent) {
        agents.put(agent.name(), agent);
    }

    void remove(ManagedAgent agent) {
        agents.remove(agent.name(), agent);
    }

    Collection<ManagedAgent> all() {
        return List.copyOf(agents.values());
    }
}
