package dev.runtimeservice.manager.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A manager started on the state file a killed one left, with an agent waiting for its restart and a failed one:
 * the first is restarted when due, the second listed FAILED with its failure until it is launched again; the output
 * FIFOs that nothing writes to any more are deleted. The killed
 * manager is simulated by the state file alone; {@code ManagerCrashIT} kills real ones.
 */
class EndedLaunchesIT extends ManagerProcessTestSupport {

    private static final Path STATE =
            Path.of("target", "it-state", "ended-" + UUID.randomUUID()).toAbsolutePath();
    private static final List<String> STRAY_OUTPUTS =
            List.of("reborn-launch-w.out", "quitter-launch-f.out", "vfs-standby.out");
    private static final String QUITTER_FAILURE = "exited on its own with code 0 (restart policy on-failure)";

    @DynamicPropertySource
    static void stateLeftByAKilledManager(DynamicPropertyRegistry registry) throws IOException {
        Files.createDirectories(STATE);
        Instant now = Instant.now();
        Files.writeString(
                STATE.resolve("agents.json"), """
                {"version": 1, "saved_at": "%1$s", "agents": [],
                 "waiting": [{"name": "reborn", "id": "launch-w", "port": 23099, "started_at": "%1$s", "restarts": 2,
                              "restart_at": "%2$s", "reason": "exited on its own with code 1"}],
                 "failed": [{"name": "quitter", "id": "launch-f", "port": 23098, "started_at": "%1$s", "restarts": 0,
                             "reason": "%3$s", "exit_code": 0}]}
                """.formatted(now.minusSeconds(30), now.plusSeconds(2), QUITTER_FAILURE));
        // Output FIFOs nothing will open again: the ended launches', and a warm standby's that ended with the manager.
        for (String stray : STRAY_OUTPUTS) {
            Files.writeString(STATE.resolve(stray), "");
        }
        registry.add("runtime.state.dir", STATE::toString);
    }

    @Test
    void theWaitingAgentIsRestartedWhenDueAndTheFailedOneStaysFailedUntilLaunched() throws IOException {
        // (The restart of the waiting agent, due at once, makes a FIFO of its own, which stays.)
        try (var files = Files.list(STATE)) {
            assertThat(files.map(file -> file.getFileName().toString())).doesNotContainAnyElementsOf(STRAY_OUTPUTS);
        }
        JsonPath failed =
                list(Map.of("name", "quitter")).statusCode(200).extract().jsonPath();
        assertThat(failed.getString("agents[0].status")).isEqualTo("FAILED");
        assertThat(failed.getString("agents[0].message")).isEqualTo(QUITTER_FAILURE);
        assertThat(failed.getInt("agents[0].exit_code")).isZero();
        given().port(port)
                .get("/actuator/health")
                .then()
                .statusCode(503)
                .body("components.agents.details.quitter", startsWith("FAILED: exited on its own"));

        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> list(Map.of("name", "reborn"))
                        .body("agents[0].status", equalTo("RUNNING"))
                        .body("agents[0].restarts", equalTo(3))
                        .body("agents[0].message", equalTo("restarted after it exited on its own with code 1")));

        launch("quitter").statusCode(200).body("agents[0].action", equalTo("STARTED"));
    }
}
