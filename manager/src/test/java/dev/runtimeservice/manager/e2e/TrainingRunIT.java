package dev.runtimeservice.manager.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtimeservice.manager.storage.Folders;
import dev.runtimeservice.testsupport.TestPorts;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * The packaged manager's training mode, as the build runs it: a jar agent is launched and stopped so that its JVM
 * writes its archive, an agent whose fixed port is held is reported and skipped, a command agent is left alone,
 * and a second run finds the archive already there. The manager exits 0 each time. It runs as a plain
 * {@code java -jar}, with none of bin/runtime-manager's options, which the README says works too.
 */
// Started after the longest test classes: it takes about 25 s (the class order: see the manager's pom).
@Order(2)
class TrainingRunIT {

    private static final Path WORK = Path.of("target/training-it").toAbsolutePath();
    private static final Path JAR = PackagedManager.ROOT.resolve("agents/vfs/target/vfs-agent.jar");

    @Test
    void recordsEachJarAgentsArchiveReportsWhatItCannotTrainAndExits() throws Exception {
        Folders.delete(WORK);
        Path agents = Files.createDirectories(WORK.resolve("agents"));
        Path cache = WORK.resolve("cache");
        int heldPort = TestPorts.free();
        descriptor(agents, "trained", "jar: " + JAR + "\njvm-args: [-XX:+UseSerialGC, -XX:TieredStopAtLevel=1]\n");
        descriptor(agents, "blocked", "jar: " + JAR + "\njvm-args: [-XX:+UseSerialGC]\nport: " + heldPort + "\n");
        descriptor(
                agents,
                "scripted",
                "command: [python3, "
                        + Path.of("src/test/resources/test-agents/pyagent.py").toAbsolutePath()
                        + "]\nhealth: /health\n");
        // Agent ports of its own: the default range starts at 8001, where SpecificationCurlIT may run the real agents.
        int agentPorts = TestPorts.freeRange(20);
        Map<String, String> env = Map.of(
                "SPRING_PROFILES_ACTIVE",
                "train",
                "AGENTS_DIR",
                agents.toString(),
                "LOG_DIR",
                WORK.resolve("logs").toString(),
                "RUNTIME_FASTSTART_CACHEDIR",
                cache.toString(),
                "RUNTIME_API_KEY",
                "",
                "MIN_AGENT_PORT",
                Integer.toString(agentPorts),
                "MAX_AGENT_PORT",
                Integer.toString(agentPorts + 19));

        try (ServerSocket held = new ServerSocket(heldPort)) {
            try (PackagedManager first = PackagedManager.startPlainJar(env, WORK.resolve("first.out"))) {
                assertThat(first.awaitExit(Duration.ofMinutes(4)))
                        .as(first.output())
                        .isZero();
                assertThat(first.output())
                        .contains("Training run: recording the class archives of [blocked, trained]")
                        .contains("Training run: trained: recorded " + cache)
                        .contains("Training run: blocked: not trained: ")
                        .contains("(without an archive, its first launch that stops cleanly records one)")
                        .contains("port " + heldPort)
                        .doesNotContain("scripted:")
                        .contains("Training run: GET /actuator/health/liveness answered 200")
                        .contains("Training run: GET /api/list_agents answered 200");
            }
            List<Path> archives = archives(cache);
            assertThat(archives).hasSize(1);
            assertThat(Files.size(archives.get(0))).isGreaterThan(1_000_000);

            try (PackagedManager second = PackagedManager.startPlainJar(env, WORK.resolve("second.out"))) {
                assertThat(second.awaitExit(Duration.ofMinutes(2)))
                        .as(second.output())
                        .isZero();
                assertThat(second.output())
                        .contains("Training run: trained: already has an archive")
                        .contains("Training run: blocked: not trained");
            }
            assertThat(archives(cache)).isEqualTo(archives);
        }
    }

    private static void descriptor(Path agents, String name, String body) throws IOException {
        Files.writeString(
                Files.createDirectories(agents.resolve(name)).resolve("agent.yml"),
                "description: " + name + " (for TrainingRunIT)\n" + body);
    }

    private static List<Path> archives(Path cache) throws IOException {
        try (Stream<Path> files = Files.walk(cache)) {
            return files.filter(file -> file.getFileName().toString().matches("app\\.(jsa|aot)"))
                    .sorted()
                    .toList();
        }
    }
}
