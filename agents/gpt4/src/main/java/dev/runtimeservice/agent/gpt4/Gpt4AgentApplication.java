package dev.runtimeservice.agent.gpt4;

import dev.runtimeservice.agent.sdk.identity.AgentDescriptor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/** The gpt4 agent; in this build it serves the agent contract only and declares no skills. */
@SpringBootApplication
public class Gpt4AgentApplication {

    static final String DESCRIPTION = "Text generation agent for OpenAI-compatible providers and an offline model. "
            + "Text generation is not available in this build; it serves the agent contract only.";

    /**
     * Starts the agent.
     *
     * @param args command-line arguments, passed to Spring Boot
     */
    public static void main(String[] args) {
        SpringApplication.run(Gpt4AgentApplication.class, args);
    }

    @Bean
    AgentDescriptor gpt4Descriptor() {
        return new AgentDescriptor(DESCRIPTION);
    }
}
