package dev.runtimeservice.agent.gpt4;

import dev.runtimeservice.agent.sdk.identity.AgentDescriptor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/** The gpt4 agent: text generation from an OpenAI-compatible provider or a GGUF model in process. */
@SpringBootApplication
public class Gpt4AgentApplication {

    static final String DESCRIPTION = "Text generation agent: POST /generate, summarise, translate and rewrite "
            + "tasks, and an OpenAI-compatible /v1/chat/completions (plain and streamed) served by any "
            + "OpenAI-compatible provider (base URL, key and model from the environment or the launch's 'openai' "
            + "resource) or by a GGUF model run in process by llama.cpp (GPT4_MODEL_PATH), with no network. "
            + "With neither configured, generation answers 503 saying how to configure one.";

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
