package dev.runtimeservice.agent.vfs;

import dev.runtimeservice.agent.sdk.identity.AgentDescriptor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/** The vfs agent; in this build it serves the agent contract only and declares no skills. */
@SpringBootApplication
public class VfsAgentApplication {

    static final String DESCRIPTION = "Sandboxed virtual file system agent. "
            + "File operations are not available in this build; it serves the agent contract only.";

    /**
     * Starts the agent.
     *
     * @param args command-line arguments, passed to Spring Boot
     */
    public static void main(String[] args) {
        SpringApplication.run(VfsAgentApplication.class, args);
    }

    @Bean
    AgentDescriptor vfsDescriptor() {
        return new AgentDescriptor(DESCRIPTION);
    }
}
