package dev.runtimeservice.agent.orchestrator.discovery;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An agent the manager runs, as the orchestrator last saw it.
 *
 * @param name its name in the manager
 * @param url its base URL (from the manager)
 * @param health {@code UP} when its card answered at the last look, {@code DOWN} when it did not
 * @param self whether this is the orchestrator itself, which is never a routing target
 * @param description what its card says it does
 * @param version its build's version
 * @param skills its skills
 * @param lastSeen when its card last answered
 * @param error why the last look failed, or {@code null}
 * @param a2aUrl its A2A JSON-RPC endpoint from its card, or empty when it names none
 */
public record DiscoveredAgent(
        String name,
        String url,
        String health,
        boolean self,
        String description,
        String version,
        List<SkillCard> skills,
        Instant lastSeen,
        @Nullable String error,
        String a2aUrl) {

    /** Health of an agent whose card answered. */
    public static final String UP = "UP";

    /** Health of an agent whose card did not answer at the last look. */
    public static final String DOWN = "DOWN";

    /** Copies the list. */
    public DiscoveredAgent {
        skills = List.copyOf(skills);
    }

    /** Whether it may be chosen to handle an instruction. */
    public boolean routable() {
        return !self && UP.equals(health);
    }
}
