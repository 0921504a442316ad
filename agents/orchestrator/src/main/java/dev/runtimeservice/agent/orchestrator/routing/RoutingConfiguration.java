package dev.runtimeservice.agent.orchestrator.routing;

import dev.runtimeservice.agent.orchestrator.OrchestratorProperties;
import dev.runtimeservice.agent.orchestrator.discovery.AgentRegistry;
import dev.runtimeservice.agent.orchestrator.planning.Planner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/** Builds the router and the source of candidate skills. */
@Configuration(proxyBeanMethods = false)
class RoutingConfiguration {

    @Bean
    Router router(Embedder embedder, JsonMapper json, OrchestratorProperties properties) {
        return new Router(Lexicon.load(), embedder, SkillHints.load(json), properties.minScore());
    }

    @Bean
    Planner planner(Router router) {
        return new Planner(router, Lexicon.load());
    }

    @Bean
    CandidateSkills candidateSkills(AgentRegistry registry, JsonMapper json) {
        return new CandidateSkills(registry, BundledCards.load(json));
    }
}
