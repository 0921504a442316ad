package dev.runtimeservice.manager.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.runtimeservice.manager.storage.Folders;
import dev.runtimeservice.testsupport.TestPorts;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Fast start on Java 25 and later, where a recording JVM writes an AOT cache by starting a second JVM as it exits:
 * the packaged manager, run by such a JDK, launches the real vfs jar with its shipped JVM options and limits (384Mi)
 * and stops it; the cache is then there, and the next launch maps it. Before the stop lifted a recording run's
 * memory limit, the two JVMs together went over it, the stop killed them after its timeout and no cache was ever
 * written. Needs a JDK 25 or later in {@code /usr/lib/jvm} (this project's build machine has Temurin 25); skipped
 * where there is none, since the test's own JDK (17) records the other kind of archive.
 */
// Started after the longest test classes: it takes about 25 s (the class order: see the manager's pom).
@Order(2)
class FastStartOnJava25IT {

    private static final Path WORK = Path.of("target/fast-start-25-it").toAbsolutePath();
    private static final Pattern FEATURE = Pattern.compile("(?m)^JAVA_VERSION=\"(\\d+)");

    @Test
    void vfsRecordsItsAotCacheWithinItsLimitsAndItsNextLaunchMapsIt() throws Exception {
        Optional<Path> jdk = jdkFrom(25);
        assumeTrue(jdk.isPresent(), "no JDK 25 or later in /usr/lib/jvm");
        Folders.delete(WORK);
        Path agents = Files.createDirectories(WORK.resolve("agents/vfs"));
        Files.writeString(
                agents.resolve("agent.yml"),
                "description: vfs on Java 25 (for FastStartOnJava25IT)\njar: "
                        + PackagedManager.ROOT.resolve("agents/vfs/target/vfs-agent.jar") + "\n"
                        + PackagedManager.builtInJvmArgs("vfs") + "\n");
        Path cache = WORK.resolve("cache");
        int port = TestPorts.free();
        int agentPorts = TestPorts.freeRange(10);
        Map<String, String> env = Map.of(
                "JAVA_HOME", jdk.get().toString(),
                "PORT", Integer.toString(port),
                "AGENTS_DIR", agents.getParent().toString(),
                "LOG_DIR", WORK.resolve("logs").toString(),
                "RUNTIME_FASTSTART_CACHEDIR", cache.toString(),
                "MIN_AGENT_PORT", Integer.toString(agentPorts),
                "MAX_AGENT_PORT", Integer.toString(agentPorts + 9),
                "AGENT_STANDBY", "none",
                "RUNTIME_API_KEY", "",
                // Short, so that a stop that kills the recording run fails the test in seconds, not minutes.
                "AGENT_SHUTDOWN_TIMEOUT", "20");
        String api = "http://127.0.0.1:" + port + "/api/";

        try (PackagedManager manager = PackagedManager.start(env, WORK.resolve("manager.out"))) {
            manager.awaitHealthy("http://127.0.0.1:" + port + "/actuator/health", Duration.ofMinutes(2));

            assertThat(PackagedManager.post(api + "launch_agents", "{\"agents\": [\"vfs\"]}")
                            .statusCode())
                    .as(manager.output())
                    .isEqualTo(200);
            assertThat(PackagedManager.post(api + "stop_agent?agent_name=vfs", "")
                            .statusCode())
                    .isEqualTo(200);

            assertThat(manager.output())
                    .contains("Agent vfs records its class archive as it stops: its memory limit (384Mi) is lifted")
                    .doesNotContain("with SIGKILL after AGENT_SHUTDOWN_TIMEOUT");
            List<Path> left = files(cache);
            assertThat(left)
                    .filteredOn(file -> file.getFileName().toString().equals("app.aot"))
                    .hasSize(1);
            assertThat(left).noneMatch(file -> file.getFileName().toString().contains(".tmp"));

            HttpResponse<String> again = PackagedManager.post(api + "launch_agents", "{\"agents\": [\"vfs\"]}");
            assertThat(again.statusCode()).isEqualTo(200);
            Matcher pid = Pattern.compile("\"pid\"\\s*:\\s*(\\d+)").matcher(again.body());
            assertThat(pid.find()).as(again.body()).isTrue();
            assertThat(ProcessHandle.of(Long.parseLong(pid.group(1)))
                            .flatMap(process -> process.info().commandLine())
                            .orElse(""))
                    .contains("-XX:AOTCache=" + cache);
            assertThat(PackagedManager.post(api + "stop_agent?agent_name=vfs", "")
                            .statusCode())
                    .isEqualTo(200);
            assertThat(manager.terminate(Duration.ofSeconds(60))).isIn(0, 143);
        }
    }

    /** A JDK of at least this feature release among those installed in /usr/lib/jvm, read from their release files. */
    private static Optional<Path> jdkFrom(int feature) throws IOException {
        Path installed = Path.of("/usr/lib/jvm");
        if (!Files.isDirectory(installed)) {
            return Optional.empty();
        }
        try (Stream<Path> jdks = Files.list(installed)) {
            return jdks.filter(home -> Files.isExecutable(home.resolve("bin/java")))
                    .filter(home -> featureOf(home) >= feature)
                    .sorted()
                    .findFirst();
        }
    }

    private static int featureOf(Path home) {
        try {
            Matcher version = FEATURE.matcher(Files.readString(home.resolve("release")));
            return version.find() ? Integer.parseInt(version.group(1)) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    private static List<Path> files(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }
}
