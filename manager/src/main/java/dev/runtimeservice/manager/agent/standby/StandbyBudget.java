package dev.runtimeservice.manager.agent.standby;

import dev.runtimeservice.manager.process.AgentHost;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * The memory the standbys hold together, against their budget ({@code AGENT_STANDBY_MEMORY}). A standby that has
 * warmed up counts with its measured resident memory; one still warming up, or not measured yet, with the last
 * measure of its agent's standby, or a first estimate.
 */
final class StandbyBudget {

    /** A built-in agent's standby held about 115 MB once warm; a little more is assumed until one is measured. */
    static final long FIRST_ESTIMATE = 160L << 20;

    private final long budget;
    private final AgentHost host;
    private final Map<String, Long> measured = new HashMap<>();

    StandbyBudget(long budget, AgentHost host) {
        this.budget = budget;
        this.host = host;
    }

    long budget() {
        return budget;
    }

    /** What a new standby of the agent is expected to hold. */
    long estimate(String name) {
        return measured.getOrDefault(name, FIRST_ESTIMATE);
    }

    /** What the standby holds now, measured once it is warm, and remembered for its agent's next standby. */
    long held(Standby standby) {
        String name = standby.launch().descriptor().name();
        if (standby.warm()) {
            Long memory = host.usage(standby.process()).memoryBytes();
            if (memory != null) {
                measured.put(name, memory);
                return memory;
            }
        }
        return estimate(name);
    }

    /** What all the standbys hold together now. */
    long held(Collection<Standby> standbys) {
        return standbys.stream().mapToLong(this::held).sum();
    }

    /** Whether a new standby of the agent fits beside the ones that exist. */
    boolean fits(Collection<Standby> standbys, String name) {
        return held(standbys) + estimate(name) <= budget;
    }
}
