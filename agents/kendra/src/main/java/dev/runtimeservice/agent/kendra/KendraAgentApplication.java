package dev.runtimeservice.agent.kendra;

import dev.runtimeservice.agent.sdk.identity.AgentDescriptor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/** The kendra agent; in this build it serves the agent contract only and declares no skills. */
@SpringBootApplication
public class KendraAgentApplication {

    static final String DESCRIPTION = "Search and retrieval agent over an embedded index. "
            + "Ingesting and searching documents are not available in this build; it serves the agent contract only.";

    /**
     * Starts the agent.
     *
     * @param args command-line arguments, passed to Spring Boot
     */
    public static void main(String[] args) {
        SpringApplication.run(KendraAgentApplication.class, args);
    }

    @Bean
    AgentDescriptor kendraDescriptor() {
        return new AgentDescriptor(DESCRIPTION);
    }
}
