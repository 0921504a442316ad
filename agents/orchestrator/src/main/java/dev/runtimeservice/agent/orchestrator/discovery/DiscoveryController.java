package dev.runtimeservice.agent.orchestrator.discovery;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.runtimeservice.agent.sdk.skill.Skills;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /agents} lists the discovered agents; {@code GET /discover} looks again first; both through the
 * {@code agents} skill.
 */
@RestController
class DiscoveryController {

    private final Skills skills;

    DiscoveryController(Skills skills) {
        this.skills = skills;
    }

    @GetMapping("/agents")
    AgentsAnswer agents() {
        return skills.data(DiscoverySkill.ID, new DiscoverySkill.ListAgents(false), AgentsAnswer.class);
    }

    @GetMapping("/discover")
    AgentsAnswer discover() {
        return skills.data(DiscoverySkill.ID, new DiscoverySkill.ListAgents(true), AgentsAnswer.class);
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record AgentsAnswer(
            List<AgentView> agents,
            String manager,
            @JsonProperty("manager_error") @Nullable String managerError,
            @JsonProperty("refreshed_at") @Nullable Instant refreshedAt) {

        static AgentsAnswer of(AgentRegistry.Snapshot snapshot, String manager) {
            return new AgentsAnswer(
                    snapshot.agents().stream().map(AgentView::of).toList(),
                    manager,
                    snapshot.managerError(),
                    snapshot.refreshedAt());
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record AgentView(
            String name,
            String url,
            String health,
            boolean self,
            boolean routable,
            String description,
            String version,
            @JsonProperty("last_seen") Instant lastSeen,
            @Nullable String error,
            @JsonProperty("a2a_url") String a2aUrl,
            List<SkillCard> skills) {

        static AgentView of(DiscoveredAgent agent) {
            return new AgentView(
                    agent.name(),
                    agent.url(),
                    agent.health(),
                    agent.self(),
                    agent.routable(),
                    agent.description(),
                    agent.version(),
                    agent.lastSeen(),
                    agent.error(),
                    agent.a2aUrl(),
                    agent.skills());
        }
    }
}
