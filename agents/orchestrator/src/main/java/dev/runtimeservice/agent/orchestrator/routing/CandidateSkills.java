package dev.runtimeservice.agent.orchestrator.routing;

import dev.runtimeservice.agent.orchestrator.discovery.AgentCardInfo;
import dev.runtimeservice.agent.orchestrator.discovery.AgentRegistry;
import dev.runtimeservice.agent.orchestrator.discovery.DiscoveredAgent;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The skills an instruction may go to: those of every running agent (the orchestrator excepted), plus those of the
 * built-in agents that do not run now, from their bundled cards.
 */
public final class CandidateSkills {

    private final AgentRegistry registry;
    private final Map<String, AgentCardInfo> bundled;

    /** Creates the source over the registry and the bundled cards. */
    public CandidateSkills(AgentRegistry registry, Map<String, AgentCardInfo> bundled) {
        this.registry = registry;
        this.bundled = Map.copyOf(bundled);
    }

    /** The candidates as of the registry's last look. */
    public List<Candidate> current() {
        List<Candidate> candidates = new ArrayList<>();
        Set<String> running = new HashSet<>();
        for (DiscoveredAgent agent : registry.snapshot().agents()) {
            if (agent.routable()) {
                running.add(agent.name());
                agent.skills().forEach(skill -> candidates.add(new Candidate(agent.name(), agent.url(), true, skill)));
            } else if (agent.self()) {
                running.add(agent.name());
            }
        }
        return withBundled(candidates, running, bundled);
    }

    /** The candidates plus the bundled agents' skills for every bundled agent not in {@code running}. */
    public static List<Candidate> withBundled(
            List<Candidate> candidates, Set<String> running, Map<String, AgentCardInfo> bundled) {
        List<Candidate> all = new ArrayList<>(candidates);
        bundled.forEach((name, card) -> {
            if (!running.contains(name)) {
                card.skills().forEach(skill -> all.add(new Candidate(name, "", false, skill)));
            }
        });
        return all;
    }
}
