package dev.runtimeservice.manager.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * Restart policies, backoff, the failure budget, liveness, and stops that win over starts and restarts,
 * on real processes. The test manager backs off 200 ms doubling to 1 s, gives up after 3 failures, and
 * probes liveness every 200 ms (3 failures of 1 s kill an agent). A stop during backoff, which here needed a
 * wait longer than any backoff, is checked on a manual clock in {@code agent.LifecycleTest}.
 */
class SupervisionIT extends ManagerProcessTestSupport {

    @Test
    void aCrashedAgentWithRestartOnFailureIsStartedAgainWithItsResources() {
        JsonPath first = launch(Map.of("agents", List.of("phoenix"), "resources", Map.of("db", Map.of("k", "v"))))
                .statusCode(200)
                .extract()
                .jsonPath();
        long pid = first.getLong("agents[0].pid");
        ProcessHandle.of(pid).orElseThrow().destroyForcibly();

        JsonPath again = await().atMost(Duration.ofSeconds(10))
                .until(
                        () -> list(Map.of("name", "phoenix")).extract().jsonPath(),
                        answer -> "RUNNING".equals(answer.getString("agents[0].status"))
                                && answer.getLong("agents[0].pid") != pid);
        assertThat(again.getInt("agents[0].restarts")).isEqualTo(1);
        assertThat(again.getList("agents[0].resources", String.class)).containsExactly("db");
        assertThat(AGENTS.resolve("phoenix/resources.json")).exists();
        assertThat(alive(pid)).isFalse();
    }

    @Test
    void anAgentThatKeepsCrashingIsFailedAfterItsBudgetWithItsLastExitCode() {
        launch("flaky").statusCode(200);
        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> list(Map.of("name", "flaky"))
                        .body("agents[0].status", equalTo("FAILED"))
                        .body("agents[0].exit_code", equalTo(1))
                        .body("agents[0].message", containsString("not restarted again")));
        assertThat(pythonAgents()).isZero();
        given().port(port)
                .get("/actuator/health")
                .then()
                .statusCode(503)
                .body("components.agents.details.flaky", containsString("FAILED"));
    }

    @Test
    void aCleanExitIsRestartedOnlyWithRestartAlways() {
        launch("quitter", "faithful").statusCode(200);
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> list(Map.of("name", "quitter"))
                        .body("agents[0].status", equalTo("FAILED"))
                        .body("agents[0].message", containsString("restart policy on-failure")));
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> list(Map.of("name", "faithful"))
                        .body("agents[0].restarts", org.hamcrest.Matchers.greaterThanOrEqualTo(1)));
    }

    @Test
    void aHungAgentIsKilledAfterItsLivenessProbesFailAndRestarted() throws Exception {
        long pid = launch("phoenix").statusCode(200).extract().jsonPath().getLong("agents[0].pid");
        new ProcessBuilder("kill", "-STOP", Long.toString(pid)).start().waitFor();

        // 3 probes of 1 s every 200 ms (about 3.6 s), then the restart backoff of about 200 ms.
        await().atMost(Duration.ofSeconds(10)).until(() -> !alive(pid));
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> list(Map.of("name", "phoenix"))
                        .body("agents[0].status", equalTo("RUNNING"))
                        .body("agents[0].restarts", equalTo(1))
                        .body("agents[0].message", containsString("failed liveness probes")));
    }

    @Test
    void aStopDuringStartWinsAtOnceAndTheLaunchSaysSo() {
        CompletableFuture<io.restassured.response.Response> launching =
                CompletableFuture.supplyAsync(() -> given().port(port)
                        .contentType(ContentType.JSON)
                        .body(Map.of("agents", List.of("sleepy")))
                        .post("/api/launch_agents"));
        await().atMost(Duration.ofSeconds(5)).until(() -> pythonAgents() == 1);
        stop("sleepy").statusCode(200).body("agents[0].status", equalTo("STOPPED"));
        // Had the stop waited for the start, the launch would have ended in its 5 s timeout (504), not in a 409.
        launching.join().then().statusCode(409).body("detail", containsString("stopped while it was starting"));
        assertThat(pythonAgents()).isZero();
        list(Map.of()).body("agents", org.hamcrest.Matchers.hasSize(0));
    }
}
