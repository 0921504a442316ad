package dev.runtimeservice.agent.orchestrator.discovery;

import dev.runtimeservice.agent.orchestrator.OrchestratorProperties;
import dev.runtimeservice.agent.sdk.config.AgentProperties;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The agents the manager runs, with their cards and health: refreshed from the manager and the agents' cards,
 * dropping an agent that the manager no longer runs or whose card stopped answering.
 */
@Component
public class AgentRegistry {

    private static final Logger log = LoggerFactory.getLogger(AgentRegistry.class);

    private final ManagerClient manager;
    private final String selfName;
    private final int dropAfterFailures;
    private final Clock clock;
    private final Map<String, DiscoveredAgent> agents = new ConcurrentHashMap<>();
    private final Map<String, Integer> failures = new HashMap<>();
    private volatile Snapshot snapshot = new Snapshot(List.of(), null, null);

    AgentRegistry(ManagerClient manager, AgentProperties agent, OrchestratorProperties properties) {
        this.manager = manager;
        this.selfName = agent.name();
        this.dropAfterFailures = properties.dropAfterFailures();
        this.clock = Clock.systemUTC();
    }

    /**
     * Asks the manager which agents run and reads each one's card.
     *
     * @return the agents after this look, with the manager's error if it could not be asked
     */
    public synchronized Snapshot refresh() {
        @Nullable String managerError = null;
        List<ManagerClient.RunningAgent> running;
        try {
            running = manager.runningAgents();
        } catch (DiscoveryException e) {
            managerError = e.getMessage();
            // Without the manager's word, keep looking at the agents already known: they may well still run.
            running = agents.values().stream()
                    .map(a -> new ManagerClient.RunningAgent(a.name(), a.url()))
                    .toList();
        }
        Set<String> names =
                running.stream().map(ManagerClient.RunningAgent::name).collect(Collectors.toSet());
        for (String gone : Set.copyOf(agents.keySet())) {
            if (!names.contains(gone)) {
                agents.remove(gone);
                failures.remove(gone);
                log.info("Agent {} is no longer running; dropped it", gone);
            }
        }
        running.forEach(this::look);
        snapshot = new Snapshot(sorted(), managerError, clock.instant());
        return snapshot;
    }

    /**
     * The agents as of the last look. Before the first look has ended it waits for one: the manager answers a launch
     * as soon as the orchestrator is ready, and a client asking at once must not get an empty list (or an instruction
     * routed to nobody) only because discovery had not finished.
     */
    public Snapshot snapshot() {
        Snapshot last = snapshot;
        if (last.refreshedAt() != null) {
            return last;
        }
        synchronized (this) {
            return snapshot.refreshedAt() != null ? snapshot : refresh();
        }
    }

    /** The manager's base URL. */
    public String managerUrl() {
        return manager.managerUrl();
    }

    /** How to launch an agent on the manager: a curl command line. */
    public String launchCommand(String agent) {
        return manager.launchCommand(agent);
    }

    private void look(ManagerClient.RunningAgent running) {
        @Nullable DiscoveredAgent known = agents.get(running.name());
        boolean self = running.name().equals(selfName);
        try {
            AgentCardInfo card = manager.card(running.url());
            failures.remove(running.name());
            agents.put(
                    running.name(),
                    new DiscoveredAgent(
                            running.name(),
                            running.url(),
                            DiscoveredAgent.UP,
                            self,
                            card.description(),
                            card.version(),
                            card.skills(),
                            clock.instant(),
                            null,
                            card.a2aUrl()));
            if (known == null || !DiscoveredAgent.UP.equals(known.health())) {
                log.info(
                        "Discovered agent {} at {} with {} skills",
                        running.name(),
                        running.url(),
                        card.skills().size());
            }
        } catch (DiscoveryException e) {
            int failed = failures.merge(running.name(), 1, Integer::sum);
            if (failed >= dropAfterFailures) {
                agents.remove(running.name());
                failures.remove(running.name());
                log.warn(
                        "Dropped agent {}: its card did not answer {} times in a row ({})",
                        running.name(),
                        failed,
                        e.getMessage());
            } else {
                Instant lastSeen = known == null ? Instant.EPOCH : known.lastSeen();
                agents.put(
                        running.name(),
                        new DiscoveredAgent(
                                running.name(),
                                running.url(),
                                DiscoveredAgent.DOWN,
                                self,
                                known == null ? "" : known.description(),
                                known == null ? "" : known.version(),
                                known == null ? List.of() : known.skills(),
                                lastSeen,
                                e.getMessage(),
                                known == null ? "" : known.a2aUrl()));
            }
        }
    }

    private List<DiscoveredAgent> sorted() {
        return agents.values().stream()
                .sorted(Comparator.comparing(DiscoveredAgent::name))
                .toList();
    }

    /**
     * The agents as of one look.
     *
     * @param agents the agents, by name
     * @param managerError why the manager could not be asked, or {@code null}
     * @param refreshedAt when the look ended, or {@code null} before the first
     */
    public record Snapshot(
            List<DiscoveredAgent> agents,
            @Nullable String managerError,
            @Nullable Instant refreshedAt) {}
}
