package dev.runtimeservice.manager.agent.catalog;

import dev.runtimeservice.manager.isolation.AgentUser;
import dev.runtimeservice.manager.limits.Limits;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * How to launch one agent, read from {@code <AGENTS_DIR>/<name>/agent.yml}.
 *
 * @param name the folder's name, which is the agent's name
 * @param description one line saying what the agent does
 * @param home the agent's folder: its working directory, resources file and data live here
 * @param jar a Spring Boot (or any runnable) jar, run with the manager's own {@code java}; or null
 * @param command an argv run as it is, for agents in any language; empty when {@code jar} is set
 * @param jvmArgs extra JVM options, used with {@code jar} only
 * @param port a fixed port reserved for this agent, or null to take the lowest free one
 * @param healthPath the readiness path; the agent is ready when it answers 200
 * @param shutdownPath the controlled-shutdown path asked before any signal, or null to go straight to signals
 * @param order launch order within one request: lower first, equal orders start together
 * @param env extra environment variables for the agent
 * @param restart what to do when the process ends without being asked to
 * @param livenessPath the path probed while the agent runs; failing it repeatedly gets the agent killed
 * @param limits what its whole process tree may use, enforced by cgroups where the machine allows
 * @param user the unprivileged user it runs as when the manager runs as root, or null for the manager's user
 * @param image the container image it runs from under {@code RUNTIME_BACKEND=kubernetes}, or null (local only)
 */
public record AgentDescriptor(
        String name,
        String description,
        Path home,
        @Nullable Path jar,
        List<String> command,
        List<String> jvmArgs,
        @Nullable Integer port,
        String healthPath,
        @Nullable String shutdownPath,
        int order,
        Map<String, String> env,
        RestartPolicy restart,
        String livenessPath,
        Limits limits,
        @Nullable AgentUser user,
        @Nullable String image) {

    /** The fixed port of this agent, if it has one. */
    public Optional<Integer> fixedPort() {
        return Optional.ofNullable(port);
    }

    /**
     * The temporary folder of a jar agent ({@code java.io.tmpdir}): what its JVM and libraries unpack or leave
     * behind (Tomcat's docbase, native libraries) stays in its home, and is emptied at each launch.
     */
    public Path tempDir() {
        return home.resolve(".tmp");
    }

    /** The path of this agent's resources file while it runs. */
    public Path resourcesFile() {
        return home.resolve("resources.json");
    }
}
