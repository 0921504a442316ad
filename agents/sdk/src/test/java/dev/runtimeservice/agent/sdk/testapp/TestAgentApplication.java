package dev.runtimeservice.agent.sdk.testapp;

import dev.runtimeservice.agent.sdk.identity.AgentDescriptor;
import dev.runtimeservice.agent.sdk.identity.AgentSkill;
import dev.runtimeservice.agent.sdk.lifecycle.ExitAction;
import dev.runtimeservice.agent.sdk.resources.ResourceConsumer;
import dev.runtimeservice.agent.sdk.resources.ResourceUse;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import tools.jackson.databind.JsonNode;

/** A minimal agent built on the SDK, used by the SDK's tests. */
@SpringBootApplication
public class TestAgentApplication {

    /** Exit codes the SDK asked for, instead of ending the test JVM. */
    public static final List<Integer> EXITS = new CopyOnWriteArrayList<>();

    /**
     * Starts the test agent in its own JVM, as the standby tests do.
     *
     * @param args passed to Spring Boot
     */
    public static void main(String[] args) {
        SpringApplication.run(TestAgentApplication.class, args);
    }

    @Bean
    AgentDescriptor descriptor() {
        return new AgentDescriptor("Test agent that echoes nothing.");
    }

    @Bean
    AgentSkill echoSkill() {
        return new AgentSkill("echo", "Echo", "Answers with what it was given.", List.of("test"),
                List.of("echo hello"));
    }

    @Bean
    ResourceConsumer databaseConsumer() {
        return new ResourceConsumer() {
            @Override
            public boolean handles(String resourceName) {
                return resourceName.equals("database");
            }

            @Override
            public ResourceUse use(String resourceName, JsonNode value) {
                return value.has("url") ? ResourceUse.used("stores echoes") : ResourceUse.unused("the 'url' field is missing");
            }
        };
    }

    @Bean
    ExitAction recordingExit() {
        return EXITS::add;
    }
}
