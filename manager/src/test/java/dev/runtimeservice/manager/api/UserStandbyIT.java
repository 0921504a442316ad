package dev.runtimeservice.manager.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.runtimeservice.manager.isolation.AgentUser;
import dev.runtimeservice.manager.storage.Folders;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.io.UncheckedIOException;
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
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A real SDK agent jar (vfs) that runs as its own user (uid 61004, {@code user:} in its agent.yml) and is kept in warm
 * standby: its first run, as that user, records its class archive in a cache folder that user owns and alone can
 * read; a standby is then made from it, as that user, and the next launch starts that very process. Needs a root
 * manager (the build machine's tests run as root); skipped elsewhere.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "runtime.standby.agents=ownjar",
            "runtime.min-agent-port=23000",
            "runtime.max-agent-port=23100",
            "runtime.agent-startup-timeout=120s",
            "runtime.agent-shutdown-timeout=30s",
            "runtime.fast-start.cache-dir=target/fast-start-users",
            "runtime.log-dir=target/it-logs",
            "runtime.state.dir=target/it-state/${random.uuid}"
        })
// Its own manager, catalog, port and cache: not @Isolated, so failsafe runs it beside another class, and the time
// its agent spends starting, writing its archive and warming up overlaps that class's.
@DirtiesContext
class UserStandbyIT {

    private static final Path AGENTS = ManagerProcessTestSupport.resourceFolder("/user-agents");
    private static final Path CACHE = Path.of("target/fast-start-users").toAbsolutePath();
    private static final Path USER_FOLDER = CACHE.resolve("users/61004");
    private static final Path WARM_FILE = AGENTS.resolve("ownjar/.tmp/standby.warm");
    private static final int UID = 61004;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void catalog(DynamicPropertyRegistry registry) {
        // Before the manager starts: an archive left by an earlier run would give it a standby at once.
        try {
            Folders.delete(CACHE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        registry.add("runtime.agents-dir", AGENTS::toString);
    }

    @AfterEach
    void stopTheAgent() throws IOException {
        // Without its archive no new standby is made after the stop: it would only warm up for the context to end it.
        Folders.delete(CACHE.resolve("users"));
        given().port(port)
                .queryParam("agent_name", "ownjar")
                .post("/api/stop_agent")
                .then()
                .statusCode(200);
    }

    @Test
    void itsFirstRunRecordsItsArchiveInItsOwnFolderAndItsStandbyRunsAsItAndIsTaken() throws Exception {
        assumeTrue(AgentUser.canSwitch(), "the manager is not root: agents run as its user");
        long first = launch().getLong("agents[0].pid");
        assertThat(uid(first)).isEqualTo(UID);
        assertThat(ManagerProcessTestSupport.commandLine(first))
                .contains("-XX:ArchiveClassesAtExit=" + USER_FOLDER + "/");
        given().port(port)
                .queryParam("agent_name", "ownjar")
                .post("/api/stop_agent")
                .then()
                .statusCode(200);

        Path archive = archive();
        assertThat(Files.getAttribute(archive, "unix:uid")).isEqualTo(UID);
        assertThat(Files.getAttribute(USER_FOLDER, "unix:uid")).isEqualTo(UID);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(USER_FOLDER)))
                .isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(USER_FOLDER.getParent())))
                .isEqualTo("rwx--x--x");
        // Another agent's user (61001) can neither read the archive nor list the folder.
        assertThat(asOtherUser("cat", archive.toString())).contains("Permission denied");
        assertThat(asOtherUser("ls", USER_FOLDER.toString())).contains("Permission denied");

        long standby = await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(100))
                .until(UserStandbyIT::warmStandby, Optional::isPresent)
                .orElseThrow();
        assertThat(uid(standby)).isEqualTo(UID);
        assertThat(ManagerProcessTestSupport.commandLine(standby))
                .contains("StandbyMain")
                .contains("-XX:SharedArchiveFile=" + archive);

        JsonPath launched = launch();
        assertThat(launched.getLong("agents[0].pid")).isEqualTo(standby);
        // It reads the launch's resources file, handed to its user when the launch came.
        assertThat(given().get("http://127.0.0.1:23993/status").jsonPath().getList("resources.name"))
                .containsExactly("note");
    }

    private JsonPath launch() {
        return given().port(port)
                .contentType(ContentType.JSON)
                .body(Map.of("agents", List.of("ownjar"), "resources", Map.of("note", Map.of("text", "kept"))))
                .post("/api/launch_agents")
                .then()
                .statusCode(200)
                .body("agents[0].status", org.hamcrest.Matchers.equalTo("RUNNING"))
                .extract()
                .jsonPath();
    }

    /** The archive the agent's first run recorded as it stopped: the only file of its user's folder. */
    private static Path archive() throws IOException {
        try (Stream<Path> files = Files.list(USER_FOLDER)) {
            List<Path> all = files.toList();
            assertThat(all)
                    .singleElement()
                    .satisfies(file -> assertThat(file.toString()).endsWith("-app.jsa"));
            return all.get(0);
        }
    }

    /** What a command prints when run as uid 61001, the user of another agent. */
    private static String asOtherUser(String... command) throws Exception {
        Process process = new ProcessBuilder(Stream.concat(
                                Stream.of("setpriv", "--reuid=61001", "--regid=61001", "--clear-groups"),
                                Stream.of(command))
                        .toList())
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isNotZero();
        return output;
    }

    private static Optional<Long> warmStandby() {
        List<Long> pids = ManagerProcessTestSupport.processesOf("ownjar").stream()
                .map(ProcessHandle::pid)
                .toList();
        return pids.size() == 1 && Files.exists(WARM_FILE) ? Optional.of(pids.get(0)) : Optional.empty();
    }

    /** The real user id of a process, from {@code /proc/<pid>/status}. */
    private static int uid(long pid) {
        try {
            return Files.readAllLines(Path.of("/proc", Long.toString(pid), "status")).stream()
                    .filter(line -> line.startsWith("Uid:"))
                    .map(line -> Integer.parseInt(line.split("\\s+")[1]))
                    .findFirst()
                    .orElseThrow();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
