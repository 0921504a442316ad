package dev.runtimeservice.manager.agent.launch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtimeservice.manager.agent.ManagedAgent;
import dev.runtimeservice.manager.agent.catalog.AgentDescriptor;
import dev.runtimeservice.manager.agent.catalog.RestartPolicy;
import dev.runtimeservice.manager.agent.standby.Standby;
import dev.runtimeservice.manager.config.RuntimeProperties;
import dev.runtimeservice.manager.faststart.FastStart;
import dev.runtimeservice.manager.limits.Limits;
import dev.runtimeservice.manager.process.LaunchPlan;
import dev.runtimeservice.manager.resources.ResourcesSnapshot;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LaunchPlansTest {

    private static final Path OUTPUT = Path.of("/srv/run/state/vfs-launch-1.out");
    private final RuntimeProperties properties = new RuntimeProperties(
            false,
            8001,
            12001,
            Path.of("agents"),
            Path.of("logs"),
            Duration.ofSeconds(5),
            Duration.ofSeconds(5),
            "127.0.0.1",
            "DEBUG",
            0);

    @Test
    void aJarRunsWithTheManagersJavaItsTempFolderInItsHomeAndItsJvmArguments() {
        AgentDescriptor descriptor = vfsJar(Map.of());
        LaunchPlan plan = LaunchPlans.plan(agent(descriptor), properties, OUTPUT, "http://127.0.0.1:8000", false);

        assertThat(plan.env()).containsEntry("AGENT_SHUTDOWN_REQUIRES_TOKEN", "false");
        assertThat(plan.argv())
                .containsExactly(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Djava.io.tmpdir=/srv/agents/vfs/.tmp",
                        "-Xmx64m",
                        "-jar",
                        "/srv/agents/vfs/target/vfs-agent.jar");
        assertThat(plan.workDir()).isEqualTo(Path.of("/srv/agents/vfs"));
        assertThat(plan.output()).isEqualTo(OUTPUT);
    }

    @Test
    void theAgentContractIsPassedInTheEnvironmentAndWinsOverTheDescriptors() {
        AgentDescriptor descriptor = new AgentDescriptor(
                "py",
                "",
                Path.of("/srv/agents/py"),
                null,
                List.of("python3", "server.py"),
                List.of(),
                null,
                "/health",
                null,
                0,
                Map.of("MODE", "fast", "AGENT_PORT", "1"),
                RestartPolicy.NEVER,
                "/health",
                Limits.NONE,
                null, /* no image: the local backend */
                null);
        LaunchPlan plan = LaunchPlans.plan(agent(descriptor), properties, OUTPUT, "http://127.0.0.1:8000", true);

        assertThat(plan.env()).containsEntry("AGENT_SHUTDOWN_REQUIRES_TOKEN", "true");
        assertThat(plan.argv()).containsExactly("python3", "server.py");
        assertThat(plan.env())
                .containsEntry("MODE", "fast")
                .containsEntry("AGENT_PORT", "23000")
                .containsEntry("AGENT_NAME", "py")
                .containsEntry("AGENT_ID", "launch-1")
                .containsEntry("AGENT_TOKEN", "token-1")
                .containsEntry("AGENT_HOME", "/srv/agents/py")
                .containsEntry("AGENT_RESOURCES_FILE", "/srv/agents/py/resources.json")
                .containsEntry("MANAGER_URL", "http://127.0.0.1:8000")
                .containsEntry("LOG_LEVEL", "DEBUG")
                .containsEntry("AGENT_BIND_ADDRESS", "127.0.0.1")
                .containsEntry("LOG_DIR", Path.of("logs").toAbsolutePath().toString());
    }

    @Test
    void aStandbyRunsTheSdksEntryPointWithTheEnvironmentOfTheLaunchItBecomes() {
        AgentDescriptor descriptor = vfsJar(Map.of("MODE", "fast"));
        FastStart fast = new FastStart(
                List.of("-Xmx64m", "-XX:SharedArchiveFile=/srv/cache/app.jsa"),
                Path.of("/srv/cache/ext/vfs-agent.jar"),
                Path.of("/srv/cache/app.jsa"),
                null);
        Standby.Launch launch = new Standby.Launch(descriptor, "launch-2", "token-2", 8001);
        LaunchPlan plan = LaunchPlans.standby(
                launch,
                properties,
                OUTPUT,
                "http://127.0.0.1:8000",
                true,
                fast,
                "dev.example.VfsApp",
                Path.of("/srv/agents/vfs/.tmp/standby.warm"));

        assertThat(plan.argv())
                .containsExactly(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Djava.io.tmpdir=/srv/agents/vfs/.tmp",
                        "-Xmx64m",
                        "-XX:SharedArchiveFile=/srv/cache/app.jsa",
                        "-cp",
                        "/srv/cache/ext/vfs-agent.jar",
                        "dev.runtimeservice.agent.sdk.standby.StandbyMain",
                        "/srv/agents/vfs/.tmp/standby.warm",
                        "dev.example.VfsApp");
        assertThat(plan.env())
                .containsEntry("AGENT_ID", "launch-2")
                .containsEntry("AGENT_TOKEN", "token-2")
                .containsEntry("AGENT_PORT", "8001")
                .containsEntry("MODE", "fast")
                .containsEntry("AGENT_SHUTDOWN_REQUIRES_TOKEN", "true");
        assertThat(plan.workDir()).isEqualTo(Path.of("/srv/agents/vfs"));
    }

    private static ManagedAgent agent(AgentDescriptor descriptor) {
        return new ManagedAgent(
                descriptor,
                "launch-1",
                descriptor.port() == null ? 23000 : descriptor.port(),
                "127.0.0.1",
                "token-1",
                ResourcesSnapshot.NONE,
                0,
                null,
                java.time.Instant.now());
    }

    /** vfs as its agent.yml describes it, with {@code env} as its own environment. */
    private static AgentDescriptor vfsJar(Map<String, String> env) {
        return new AgentDescriptor(
                "vfs",
                "",
                Path.of("/srv/agents/vfs"),
                Path.of("/srv/agents/vfs/target/vfs-agent.jar"),
                List.of(),
                List.of("-Xmx64m"),
                8001,
                "/actuator/health/readiness",
                "/shutdown",
                0,
                env,
                RestartPolicy.ON_FAILURE,
                "/actuator/health/liveness",
                Limits.NONE,
                null, /* no image: the local backend */
                null);
    }
}
