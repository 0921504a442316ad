package dev.runtimeservice.agent.orchestrator.discovery;

import dev.runtimeservice.agent.sdk.identity.AgentSkill;
import dev.runtimeservice.agent.sdk.skill.Skill;
import dev.runtimeservice.agent.sdk.skill.SkillResult;
import java.util.List;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The {@code agents} skill: {@code GET /agents}, {@code GET /discover} and A2A list the agents through it. */
@Configuration(proxyBeanMethods = false)
class DiscoverySkill {

    static final String ID = "agents";

    /**
     * Input of the {@code agents} skill.
     *
     * @param refresh whether to ask the manager and read every card again first
     */
    record ListAgents(@Nullable Boolean refresh) {}

    @Bean
    Skill<ListAgents> listAgentsSkill(AgentRegistry registry) {
        return Skill.withText(
                new AgentSkill(
                        ID,
                        "List the running agents",
                        "GET /agents lists the agents the manager runs with their base URLs, health and skills, as read "
                                + "from their A2A cards; GET /discover asks the manager and reads every card again first. "
                                + "Over A2A {\"refresh\": true} looks again first.",
                        List.of("discovery", "agents", "registry", "running"),
                        List.of("GET /agents", "GET /discover", "Which agents are running?")),
                ListAgents.class,
                DiscoveryController.AgentsAnswer.class,
                text -> new ListAgents(true),
                (input, context) -> {
                    AgentRegistry.Snapshot snapshot =
                            Boolean.TRUE.equals(input.refresh()) ? registry.refresh() : registry.snapshot();
                    DiscoveryController.AgentsAnswer answer =
                            DiscoveryController.AgentsAnswer.of(snapshot, registry.managerUrl());
                    String text = answer.agents().isEmpty()
                            ? "No agent is running."
                            : answer.agents().stream()
                                    .map(a -> a.name() + " (" + a.health() + ") at " + a.url() + ": "
                                            + a.skills().size() + " skills")
                                    .collect(Collectors.joining("\n"));
                    return new SkillResult(text, answer);
                });
    }
}
