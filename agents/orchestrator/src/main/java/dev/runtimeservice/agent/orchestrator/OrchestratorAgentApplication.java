package dev.runtimeservice.agent.orchestrator;

import dev.runtimeservice.agent.sdk.identity.AgentDescriptor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The orchestrator agent: discovers the running agents and routes natural-language instructions to their skills. */
@SpringBootApplication
@EnableScheduling
@EnableConfigurationProperties(OrchestratorProperties.class)
public class OrchestratorAgentApplication {

    static final String DESCRIPTION = "Orchestrator agent: discovers the agents the manager runs (every few seconds"
            + " and on GET /discover) with their A2A cards, lists them on GET /agents, and routes a Spanish or"
            + " English instruction (POST /instructions) to the best skill offline (in-process embeddings plus"
            + " bilingual keyword matching), with an LLM-ready prompt, a confidence and the runner-ups;"
            + " with execute=true it calls the built-in vfs, kendra and gpt4 skills over HTTP.";

    /**
     * Starts the agent.
     *
     * @param args command-line arguments, passed to Spring Boot
     */
    public static void main(String[] args) {
        SpringApplication.run(OrchestratorAgentApplication.class, args);
    }

    @Bean
    AgentDescriptor orchestratorDescriptor() {
        return new AgentDescriptor(DESCRIPTION);
    }
}
