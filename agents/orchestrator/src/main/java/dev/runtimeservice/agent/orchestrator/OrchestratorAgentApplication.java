package dev.runtimeservice.agent.orchestrator;

import dev.runtimeservice.agent.sdk.identity.AgentDescriptor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/** The orchestrator agent; in this build it serves the agent contract only and declares no skills. */
@SpringBootApplication
public class OrchestratorAgentApplication {

    static final String DESCRIPTION = "Orchestrator agent that discovers the running agents"
            + " and routes instructions to them. "
            + "Discovery and routing are not available in this build; it serves the agent contract only.";

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
