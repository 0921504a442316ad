package dev.runtimeservice.agent.orchestrator;

import dev.runtimeservice.agent.sdk.identity.AgentSkill;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The agent card's skills: discovery, the agent list and instruction routing. */
@Configuration(proxyBeanMethods = false)
class OrchestratorSkills {

    @Bean
    AgentSkill agentsSkill() {
        return new AgentSkill("agents", "List the running agents",
                "GET /agents lists the agents the manager runs with their base URLs, health and skills, as read "
                        + "from their A2A cards; GET /discover asks the manager and reads every card again first.",
                List.of("discovery", "agents", "registry"),
                List.of("GET /agents", "GET /discover", "Which agents are running?"));
    }

    @Bean
    AgentSkill routeSkill() {
        return new AgentSkill("route", "Route an instruction",
                "POST /instructions {\"text\", \"execute\": false} detects the language (es/en), writes the "
                        + "instruction as a structured LLM prompt, and picks the agent and skill that should handle "
                        + "it with a confidence and runner-ups, or says that no agent fits; with \"execute\": true "
                        + "it also calls that skill and returns the agent's answer.",
                List.of("routing", "orchestration", "instructions", "planning"),
                List.of("{\"text\": \"Busca información sobre inteligencia artificial\"}",
                        "{\"text\": \"Summarise this text: ...\", \"execute\": true}"));
    }
}
