package dev.runtimeservice.agent.vfs;

import dev.runtimeservice.agent.sdk.identity.AgentDescriptor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/** The vfs agent: a sandboxed virtual file system over HTTP. */
@SpringBootApplication
public class VfsAgentApplication {

    static final String DESCRIPTION = "Sandboxed virtual file system: list (paged), stat, read (whole or a byte "
            + "range), atomic write with ETag/If-Match, mkdir, move, delete and search by glob or text, over HTTP "
            + "under /fs, inside one data root that no path, encoded name or symbolic link can leave; local "
            + "folders (read-only or read-write) and zip archives (read-only) named in the 'mounts' resource "
            + "appear as top-level folders. No SharePoint connector.";

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
