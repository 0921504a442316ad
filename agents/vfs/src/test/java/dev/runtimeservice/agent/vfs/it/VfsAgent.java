package dev.runtimeservice.agent.vfs.it;

import dev.runtimeservice.testsupport.PackagedAgent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/** The packaged vfs jar started as the manager starts it, with a resources file in the manager's format. */
final class VfsAgent {

    private VfsAgent() {}

    /**
     * Starts the jar and waits until its readiness probe answers 200, or kills it and fails.
     *
     * @param home the agent's home (AGENT_HOME)
     * @param resourcesJson the "resources" object, written to a file in the manager's format
     * @param env more environment variables (VFS_MAX_FILE_SIZE, ...)
     */
    static PackagedAgent start(Path home, String resourcesJson, Map<String, String> env) throws IOException {
        Files.createDirectories(home);
        Path resources = home.resolve("resources.json");
        Files.writeString(resources, "{\"id\":\"it-launch\",\"name\":\"vfs\",\"resources\":" + resourcesJson + "}");
        return PackagedAgent.of("vfs", Path.of(System.getProperty("vfs.jar", "target/vfs-agent.jar")))
                .descriptor(Path.of("agent.yml").toAbsolutePath())
                .home(home)
                .environment(Map.of("AGENT_NAME", "vfs", "AGENT_RESOURCES_FILE", resources.toString()))
                .environment(env)
                .startReady(Duration.ofSeconds(90));
    }
}
