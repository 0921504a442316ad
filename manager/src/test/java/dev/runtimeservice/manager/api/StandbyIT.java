package dev.runtimeservice.manager.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.runtimeservice.manager.agent.standby.StandbyPool;
import dev.runtimeservice.manager.isolation.AgentUser;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A real SDK agent jar (vfs) kept in warm standby ({@code AGENT_STANDBY}): once its archive is recorded a standby
 * JVM waits, warmed up; a launch starts that very process with the launch's resources, and after a stop a new
 * standby is made; a launch while the standby still warms up waits for it and starts that process. With a root
 * manager (the build machine's tests run as root) the agent runs as its own user, uid 61004 ({@code user:}), whose
 * archive and standby are its alone.
 */
// Started after the longest test classes: it takes about 25 s (the class order: see the manager's pom).
@Order(2)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "runtime.standby.agents=warmjar",
            // A range of its own (the other in-JVM ITs use 23000-23100, HttpHardeningTest 23500-23599): with its own
            // context, state folder and agent name, it runs beside the other test classes rather than alone.
            "runtime.min-agent-port=23600",
            "runtime.max-agent-port=23699",
            "runtime.agent-startup-timeout=120s",
            "runtime.agent-shutdown-timeout=30s",
            "runtime.fast-start.cache-dir=target/fast-start-standby",
            "runtime.log-dir=target/it-logs",
            "runtime.state.dir=target/it-state/${random.uuid}"
        })
@DirtiesContext
class StandbyIT {

    private static final Path AGENTS = ManagerProcessTestSupport.resourceFolder("/standby-agents");
    private static final Path WARM_FILE = AGENTS.resolve("warmjar/.tmp/standby.warm");
    private static final Duration WARM_UP = Duration.ofSeconds(90);
    private static final Path USER_FOLDER =
            Path.of("target/fast-start-standby/users/61004").toAbsolutePath();
    private static final int UID = 61004;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void catalog(DynamicPropertyRegistry registry) {
        registry.add("runtime.agents-dir", AGENTS::toString);
    }

    @AfterEach
    void stopTheAgent() {
        given().port(port)
                .queryParam("agent_name", "warmjar")
                .post("/api/stop_agent")
                .then()
                .statusCode(200);
    }

    @Test
    void aLaunchStartsTheWarmStandbyWithItsResourcesAndAStopMakesANewOne() throws IOException {
        // The first launch records the class archive; a standby is made only with one.
        launch(Map.of()).then().statusCode(200);
        given().port(port)
                .queryParam("agent_name", "warmjar")
                .post("/api/stop_agent")
                .then()
                .statusCode(200);

        long standby = awaitWarmStandby();
        assertThat(ManagerProcessTestSupport.commandLine(standby))
                .contains("dev.runtimeservice.agent.sdk.standby.StandbyMain")
                .contains("-XX:SharedArchiveFile=");
        if (AgentUser.canSwitch()) {
            theAgentsUserAloneHoldsItsArchiveAndRunsItsStandby(standby);
        }
        assertThat(given().port(port).get("/api/list_agents").jsonPath().getList("agents"))
                .isEmpty();

        var launched = launch(Map.of("note", Map.of("text", "kept")))
                .then()
                .statusCode(200)
                .body("agents[0].status", org.hamcrest.Matchers.equalTo("RUNNING"))
                .extract()
                .jsonPath();
        assertThat(launched.getLong("agents[0].pid")).isEqualTo(standby);
        assertThat(launched.getInt("agents[0].port")).isEqualTo(23996);
        var status = given().get("http://127.0.0.1:23996/status")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(status.getList("resources.name")).containsExactly("note");
        assertThat(status.getLong("pid")).isEqualTo(standby);
        assertThat(WARM_FILE).doesNotExist();

        given().port(port)
                .queryParam("agent_name", "warmjar")
                .post("/api/stop_agent")
                .then()
                .statusCode(200);
        assertThat(ProcessHandle.of(standby).filter(ProcessHandle::isAlive)).isEmpty();
        long next = awaitWarmStandby();
        assertThat(next).isNotEqualTo(standby);
    }

    @Test
    void aLaunchWhileTheStandbyStillWarmsUpWaitsForItAndStartsThatProcess() throws InterruptedException {
        launch(Map.of()).then().statusCode(200);
        given().port(port)
                .queryParam("agent_name", "warmjar")
                .post("/api/stop_agent")
                .then()
                .statusCode(200);
        long warming = await().atMost(WARM_UP)
                .pollInterval(Duration.ofMillis(20))
                .until(this::warmingStandby, Optional::isPresent)
                .orElseThrow();
        // A standby made less than JUST_MADE ago is ended by a launch, since a new process would be further on. It was
        // made before it was seen here (its process's own start time is read to the second only, so not that).
        Thread.sleep(StandbyPool.JUST_MADE.plusMillis(100).toMillis());

        long launched = launch(Map.of())
                .then()
                .statusCode(200)
                .body("agents[0].status", org.hamcrest.Matchers.equalTo("RUNNING"))
                .extract()
                .jsonPath()
                .getLong("agents[0].pid");
        assertThat(launched).isEqualTo(warming);
        assertThat(ManagerProcessTestSupport.commandLine(launched)).contains("StandbyMain");
    }

    /**
     * With a root manager, warmjar runs as its own user (uid 61004, {@code user:} in its agent.yml): its class archive
     * is in a cache folder that user owns and alone can read, and its standby runs as that user from it.
     */
    private static void theAgentsUserAloneHoldsItsArchiveAndRunsItsStandby(long standby) throws IOException {
        Path archive;
        try (Stream<Path> files = Files.list(USER_FOLDER)) {
            archive = files.filter(file -> file.toString().endsWith("-app.jsa"))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no archive in " + USER_FOLDER));
        }
        assertThat(Files.getAttribute(archive, "unix:uid")).isEqualTo(UID);
        assertThat(Files.getAttribute(USER_FOLDER, "unix:uid")).isEqualTo(UID);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(USER_FOLDER)))
                .isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(USER_FOLDER.getParent())))
                .isEqualTo("rwx--x--x");
        // Another agent's user (61001) can neither read the archive nor list the folder.
        assertThat(asOtherUser("cat", archive.toString())).contains("Permission denied");
        assertThat(asOtherUser("ls", USER_FOLDER.toString())).contains("Permission denied");
        assertThat(uid(standby)).isEqualTo(UID);
        assertThat(ManagerProcessTestSupport.commandLine(standby)).contains("-XX:SharedArchiveFile=" + archive);
    }

    /** What a command prints when run as uid 61001, the user of another agent. */
    private static String asOtherUser(String... command) throws IOException {
        Process process = new ProcessBuilder(Stream.concat(
                                Stream.of("setpriv", "--reuid=61001", "--regid=61001", "--clear-groups"),
                                Stream.of(command))
                        .toList())
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
        assertThat(process.exitValue()).as(output).isNotZero();
        return output;
    }

    /** The real user id of a process, from {@code /proc/<pid>/status}. */
    private static int uid(long pid) throws IOException {
        return Files.readAllLines(Path.of("/proc", Long.toString(pid), "status")).stream()
                .filter(line -> line.startsWith("Uid:"))
                .map(line -> Integer.parseInt(line.split("\\s+")[1]))
                .findFirst()
                .orElseThrow();
    }

    private io.restassured.response.Response launch(Map<String, Object> resources) {
        return given().port(port)
                .contentType(ContentType.JSON)
                .body(Map.of("agents", List.of("warmjar"), "resources", resources))
                .post("/api/launch_agents");
    }

    /** The pid of the agent's standby once it has warmed up. */
    private long awaitWarmStandby() {
        return await().atMost(WARM_UP)
                .pollInterval(Duration.ofMillis(100))
                .until(this::warmStandby, Optional::isPresent)
                .orElseThrow();
    }

    private Optional<Long> warmStandby() {
        if (!Files.exists(WARM_FILE)) {
            return Optional.empty();
        }
        List<Long> pids = standbyPids();
        return pids.size() == 1 ? Optional.of(pids.get(0)) : Optional.empty();
    }

    /** The pid of the agent's standby while it is still warming up (no warm file yet). */
    private Optional<Long> warmingStandby() {
        List<Long> pids = standbyPids();
        return pids.size() == 1 && !Files.exists(WARM_FILE) ? Optional.of(pids.get(0)) : Optional.empty();
    }

    private List<Long> standbyPids() {
        return ManagerProcessTestSupport.processesOf(port, "warmjar").stream()
                .map(ProcessHandle::pid)
                .toList();
    }
}
