package dev.runtimeservice.manager.console;

import dev.runtimeservice.manager.agent.AgentRegistry;
import dev.runtimeservice.manager.agent.ManagedAgent;
import dev.runtimeservice.manager.process.AgentHost;
import dev.runtimeservice.manager.process.AgentProcess;
import dev.runtimeservice.manager.process.AgentUsage;
import dev.runtimeservice.manager.scheduling.PeriodicTask;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Each agent's CPU and memory over the last minutes, recorded in the background from what its host measures and
 * kept in memory, a bounded number of records per agent ({@code runtime.console.usage-samples}): a console opened
 * now draws the last minutes at once. The records of an agent that no longer has a launch (stopped) are dropped;
 * those of one that failed or waits for its restart are kept, without new ones.
 */
@Component
class UsageHistory implements SmartLifecycle {

    /**
     * One record.
     *
     * @param time when it was taken
     * @param cpuPercent CPU over the last second, in percent of one core
     * @param memoryBytes resident memory
     */
    record Sample(
            Instant time,
            @Nullable Double cpuPercent,
            @Nullable Long memoryBytes) {}

    private final ConsoleProperties properties;
    private final AgentRegistry registry;
    private final AgentHost host;
    private final Clock clock;
    private final Map<String, Deque<Sample>> samples = new ConcurrentHashMap<>();
    private final PeriodicTask recording;

    UsageHistory(ConsoleProperties properties, AgentRegistry registry, AgentHost host, Clock clock) {
        this.properties = properties;
        this.registry = registry;
        this.host = host;
        this.clock = clock;
        this.recording = new PeriodicTask("usage-history", properties.usagePeriod(), this::record);
    }

    /** The records of every agent that has some, oldest first, by agent name. */
    Map<String, List<Sample>> all() {
        Map<String, List<Sample>> copy = new TreeMap<>();
        samples.forEach((agent, kept) -> {
            synchronized (kept) {
                copy.put(agent, List.copyOf(kept));
            }
        });
        return copy;
    }

    /** Records each running agent's usage now, and forgets the agents that no longer have a launch. */
    void record() {
        Instant now = clock.instant();
        List<ManagedAgent> agents = new ArrayList<>(registry.all());
        Set<String> names = agents.stream().map(ManagedAgent::name).collect(Collectors.toSet());
        samples.keySet().retainAll(names);
        for (ManagedAgent agent : agents) {
            AgentProcess process = agent.process().orElse(null);
            if (process == null || !agent.state().isLive()) {
                continue;
            }
            AgentUsage usage = host.usage(process);
            if (usage.cpuPercent() == null && usage.memoryBytes() == null) {
                continue; // not sampled yet
            }
            Deque<Sample> kept = samples.computeIfAbsent(agent.name(), name -> new ArrayDeque<>());
            synchronized (kept) {
                kept.addLast(new Sample(now, usage.cpuPercent(), usage.memoryBytes()));
                while (kept.size() > properties.usageSamples()) {
                    kept.removeFirst();
                }
            }
        }
    }

    @Override
    public void start() {
        recording.start();
    }

    @Override
    public void stop() {
        recording.stop();
    }

    @Override
    public boolean isRunning() {
        return recording.isRunning();
    }
}
