package dev.runtimeservice.manager.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.restassured.http.ContentType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A real SDK agent jar (vfs) kept in warm standby ({@code AGENT_STANDBY}): once its archive is recorded a standby
 * JVM waits, warmed up; a launch starts that very process with the launch's resources, and after a stop a new
 * standby is made; a launch while the standby still warms up waits for it and starts that process.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "runtime.standby.agents=warmjar",
            // A range of its own (the other in-JVM tests use 23000-23100): with its own context, state folder and agent
            // name, it runs beside the other test classes rather than alone.
            "runtime.min-agent-port=23500",
            "runtime.max-agent-port=23599",
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
    void aLaunchWhileTheStandbyStillWarmsUpWaitsForItAndStartsThatProcess() {
        launch(Map.of()).then().statusCode(200);
        given().port(port)
                .queryParam("agent_name", "warmjar")
                .post("/api/stop_agent")
                .then()
                .statusCode(200);
        long warming = await().atMost(WARM_UP)
                .pollInterval(Duration.ofMillis(20))
                .until(StandbyIT::warmingStandby, Optional::isPresent)
                .orElseThrow();

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

    private io.restassured.response.Response launch(Map<String, Object> resources) {
        return given().port(port)
                .contentType(ContentType.JSON)
                .body(Map.of("agents", List.of("warmjar"), "resources", resources))
                .post("/api/launch_agents");
    }

    /** The pid of the agent's standby once it has warmed up. */
    private static long awaitWarmStandby() {
        return await().atMost(WARM_UP)
                .pollInterval(Duration.ofMillis(100))
                .until(StandbyIT::warmStandby, Optional::isPresent)
                .orElseThrow();
    }

    private static Optional<Long> warmStandby() {
        if (!Files.exists(WARM_FILE)) {
            return Optional.empty();
        }
        List<Long> pids = standbyPids();
        return pids.size() == 1 ? Optional.of(pids.get(0)) : Optional.empty();
    }

    /** The pid of the agent's standby while it is still warming up (no warm file yet). */
    private static Optional<Long> warmingStandby() {
        List<Long> pids = standbyPids();
        return pids.size() == 1 && !Files.exists(WARM_FILE) ? Optional.of(pids.get(0)) : Optional.empty();
    }

    private static List<Long> standbyPids() {
        return ManagerProcessTestSupport.processesOf("warmjar").stream()
                .map(ProcessHandle::pid)
                .toList();
    }
}
