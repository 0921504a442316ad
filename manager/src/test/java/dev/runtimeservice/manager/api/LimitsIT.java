package dev.runtimeservice.manager.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.runtimeservice.manager.agent.launch.LaunchPlanner;
import dev.runtimeservice.manager.isolation.AgentUser;
import dev.runtimeservice.manager.limits.Cgroups;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Limits enforced by the kernel on real Python agents: out of memory, a fork bomb, a CPU spinner. Each test agent
 * also bounds itself (a capped number of forks, a capped allocation), so that a limit that did not hold could not
 * hurt the machine; the assertions tell a held limit from that cap. Skipped where cgroups cannot be used (not root).
 * Isolation: agents running as users of their own (uids 61001 and 61002, which need no passwd entry).
 */
class LimitsIT extends ManagerProcessTestSupport {

    @Autowired
    Cgroups cgroups;

    @Autowired
    LaunchPlanner planner;

    private void needsCgroups() {
        assumeTrue(cgroups.enforced(), "cgroups are not usable here: limits are not enforced");
    }

    @Test
    void anAgentOverItsMemoryLimitIsReportedOutOfMemoryAndRestarted() {
        needsCgroups();
        launch("hog").statusCode(200);
        JsonPath ended = await().atMost(Duration.ofSeconds(20))
                .until(
                        () -> list(Map.of("name", "hog")).extract().jsonPath(),
                        answer -> answer.getInt("agents[0].restarts") >= 1
                                && answer.getString("agents[0].message").contains("out of memory (limit 64Mi)"));
        // "restarted after it ...", or without the first word while it waits for the restart.
        assertThat(ended.getString("agents[0].message"))
                .endsWith("was killed by the kernel: out of memory (limit 64Mi), exit code 137");
        assertThat(given().port(port).get("/actuator/prometheus").asString())
                .contains("runtime_agent_failures_total{agent=\"hog\",reason=\"killed_by_kernel\"}")
                .contains("runtime_agent_restarts_total{agent=\"hog\",reason=\"killed_by_kernel\"}");
        assertThat(ended.getString("agents[0].limits.memory")).isEqualTo("64Mi");
    }

    @Test
    void aForkBombStopsAtItsPidsLimitAndTheManagerStaysResponsive() {
        needsCgroups();
        JsonPath launched = launch("forker").statusCode(200).extract().jsonPath();
        int agentPort = launched.getInt("agents[0].port");
        JsonPath status = given().port(agentPort)
                .get("/status")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        // 32 processes and threads in all, the agent itself one of them; its own cap is 400.
        assertThat(status.getInt("forks.made")).isBetween(16, 31);
        assertThat(status.getString("forks.refused")).contains("Resource temporarily unavailable");

        long before = System.nanoTime();
        JsonPath listed =
                list(Map.of("name", "forker")).statusCode(200).extract().jsonPath();
        assertThat(Duration.ofNanos(System.nanoTime() - before)).isLessThan(Duration.ofSeconds(2));
        assertThat(listed.getInt("agents[0].limits.pids")).isEqualTo(32);
        assertThat(listed.getInt("agents[0].limit_use.pids")).isBetween(2, 32);
        assertThat(listed.getBoolean("agents[0].limits_enforced")).isTrue();
    }

    @Test
    void aCpuSpinnerIsThrottledToItsShare() throws Exception {
        needsCgroups();
        long pid = launch("spinner").statusCode(200).extract().jsonPath().getLong("agents[0].pid");
        long startTicks = cpuTicks(pid);
        long start = System.nanoTime();
        Thread.sleep(3000);
        double cores = (cpuTicks(pid) - startTicks) / 100.0 / ((System.nanoTime() - start) / 1e9);
        System.out.printf("spinner with cpu: 0.2 used %.3f cores over 3 s%n", cores);
        // Unthrottled it uses a whole core; its quota is 0.2, measured with a margin for the 100 ms periods.
        assertThat(cores).isBetween(0.05, 0.3);

        JsonPath listed =
                list(Map.of("name", "spinner")).statusCode(200).extract().jsonPath();
        assertThat(listed.getDouble("agents[0].limits.cpu")).isEqualTo(0.2);
        assertThat(listed.getString("agents[0].limits.memory")).isEqualTo("128Mi");
        assertThat(listed.getInt("agents[0].limits.pids")).isEqualTo(64);
        assertThat(listed.getLong("agents[0].limit_use.cpu_throttled")).isPositive();
        assertThat(listed.getLong("agents[0].limit_use.memory_bytes")).isBetween(1L << 20, 128L << 20);
    }

    @Test
    void anAgentRunningAsItsOwnUserCannotReadAnotherAgentsResourcesNorTheStateFileNorTheLogs() throws Exception {
        assumeTrue(AgentUser.canSwitch(), "the manager is not root: agents run as its user");
        launch(Map.of(
                        "agents",
                        List.of("secretive", "peeper"),
                        "resources",
                        Map.of("db", Map.of("password", "s3cret"))))
                .statusCode(200);
        Path stateFile = planner.stateDirectory().resolve("agents.json");
        assertThat(stateFile).exists();
        int peeper = list(Map.of("name", "peeper")).extract().jsonPath().getInt("agents[0].port");

        // It reads its own resources file (it printed it at start, or it would not have started), and nothing else.
        assertThat(read(peeper, AGENTS.resolve("peeper/resources.json")))
                .containsEntry("readable", true)
                .containsEntry("uid", 61001);
        for (Path secret : List.of(
                AGENTS.resolve("secretive/resources.json"),
                stateFile,
                LOGS.resolve("runtime.log"),
                LOGS.resolve("agents/secretive.log"))) {
            assertThat(secret).exists();
            assertThat(read(peeper, secret))
                    .as(secret.toString())
                    .containsEntry("readable", false)
                    .containsEntry("error", "Permission denied");
        }
        assertThat(Files.getAttribute(AGENTS.resolve("secretive"), "unix:uid")).isEqualTo(61002);
        assertThat(Files.getPosixFilePermissions(AGENTS.resolve("secretive/resources.json")))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    }

    private Map<String, Object> read(int agentPort, Path file) {
        return given().port(agentPort)
                .queryParam("path", file.toAbsolutePath().toString())
                .get("/read")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getMap("");
    }

    /** User and system CPU time of a process in clock ticks (100 a second on Linux). */
    private static long cpuTicks(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }
}
