package dev.runtimeservice.manager.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/** Launch, list and stop of a non-Java agent defined by a descriptor alone, with resources. */
class LaunchListStopIT extends ManagerProcessTestSupport {

    @Test
    void aPythonAgentIsLaunchedListedAndStoppedFromItsDescriptorAlone() throws Exception {
        JsonPath launched = launch(Map.of(
                        "agents",
                        List.of("echo"),
                        "resources",
                        Map.of("sharepoint", Map.of("user", "alice", "password", "tr0ub4dor"))))
                .statusCode(200)
                .body("agents", hasSize(1))
                .extract()
                .jsonPath();
        long pid = launched.getLong("agents[0].pid");
        int agentPort = launched.getInt("agents[0].port");
        assertThat(launched.getString("agents[0].status")).isEqualTo("RUNNING");
        assertThat(launched.getString("agents[0].action")).isEqualTo("STARTED");
        assertThat(launched.getList("agents[0].resources", String.class)).containsExactly("sharepoint");
        assertThat(alive(pid)).isTrue();
        given().get(launched.getString("agents[0].url") + "/")
                .then()
                .statusCode(200)
                .body("name", equalTo("echo"));

        Path resources = AGENTS.resolve("echo/resources.json");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(resources)))
                .isEqualTo("rw-------");
        JsonPath file = JsonPath.from(Files.readString(resources));
        assertThat(file.getString("id")).isEqualTo(launched.getString("agents[0].id"));
        assertThat(file.getString("name")).isEqualTo("echo");
        assertThat(file.getString("resources.sharepoint.password")).isEqualTo("tr0ub4dor");
        assertThat(launched.prettify()).doesNotContain("tr0ub4dor").doesNotContain("alice");

        list(Map.of()).statusCode(200).body("agents.name", contains("echo"));
        // Its memory is sampled once a second, the first time as it is spawned, when it may not have any yet.
        await().atMost(Duration.ofSeconds(3))
                .untilAsserted(
                        () -> list(Map.of()).body("agents[0].memory_bytes", org.hamcrest.Matchers.greaterThan(0)));
        list(Map.of("name", "echo", "status", "RUNNING")).body("agents", hasSize(1));
        list(Map.of("name", "other")).body("agents", hasSize(0));
        list(Map.of("status", "FAILED")).body("agents", hasSize(0));

        stop("echo")
                .statusCode(200)
                .body("agents[0].status", equalTo("STOPPED"))
                .body("agents[0].action", equalTo("STOPPED"));
        assertThat(alive(pid)).isFalse();
        assertThat(resources).doesNotExist();
        try (ServerSocket reused = new ServerSocket(agentPort)) {
            assertThat(reused.getLocalPort()).isEqualTo(agentPort);
        }
        list(Map.of()).body("agents", hasSize(0));
    }

    @Test
    void aStoppedAgentsPortIsGivenAgainAtOnce() {
        int first = launch("echo").statusCode(200).extract().path("agents[0].port");
        stop("echo").statusCode(200);
        int second = launch("echo").statusCode(200).extract().path("agents[0].port");
        assertThat(second).isEqualTo(first).isEqualTo(23000);
        int next = launch("leaky").statusCode(200).extract().path("agents[0].port");
        assertThat(next).isEqualTo(23001);
    }

    @Test
    void stopAcceptsSeveralNamesRepeatedOrSeparatedByCommas() {
        launch("echo", "leaky", "slowpoke").statusCode(200).body("agents", hasSize(3));
        given().port(port)
                .post("/api/stop_agent?agent_name=echo,leaky&agent_name=slowpoke")
                .then()
                .statusCode(200)
                .body("agents.status", contains("STOPPED", "STOPPED", "STOPPED"));
        stop("echo").statusCode(200).body("agents[0].action", equalTo("NOT_RUNNING"));
    }

    @Test
    void aRunningAgentIsRestartedOnlyWhenTheLaunchBringsDifferentResources() {
        Map<String, Object> first = Map.of("agents", List.of("echo"), "resources", Map.of("db", Map.of("key", "one")));
        long pid = launch(first).statusCode(200).extract().jsonPath().getLong("agents[0].pid");

        launch(first).body("agents[0].action", equalTo("ALREADY_RUNNING")).body("agents[0].pid", equalTo((int) pid));
        launch(Map.of("agents", List.of("echo"), "resources", Map.of()))
                .body("agents[0].action", equalTo("ALREADY_RUNNING"))
                .body("agents[0].resources", contains("db"));
        launch("echo").body("agents[0].action", equalTo("ALREADY_RUNNING"));

        JsonPath restarted = launch(Map.of("agents", List.of("echo"), "resources", Map.of("db", Map.of("key", "two"))))
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(restarted.getString("agents[0].action")).isEqualTo("RESTARTED");
        assertThat(restarted.getString("agents[0].message")).contains("different resources");
        assertThat(restarted.getLong("agents[0].pid")).isNotEqualTo(pid);
        assertThat(alive(pid)).isFalse();
    }

    @Test
    void twentyIdenticalLaunchesAtOnceLeaveExactlyOneProcess() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            List<CompletableFuture<Long>> calls = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                calls.add(CompletableFuture.supplyAsync(
                        () -> given().port(port)
                                .contentType(ContentType.JSON)
                                .body(Map.of("agents", List.of("slowpoke")))
                                .post("/api/launch_agents")
                                .then()
                                .statusCode(200)
                                .extract()
                                .jsonPath()
                                .getLong("agents[0].pid"),
                        pool));
            }
            List<Long> pids =
                    calls.stream().map(CompletableFuture::join).distinct().toList();
            assertThat(pids).hasSize(1);
            long pythons = ProcessHandle.current()
                    .children()
                    .filter(child -> child.info().commandLine().orElse("").contains("pyagent.py"))
                    .count();
            assertThat(pythons).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void agentsOfOneOrderStartTogetherAndHigherOrdersWaitForThem() {
        JsonPath answer = launch("lastone", "slowpoke", "slowpoke2")
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(answer.getList("agents.name", String.class)).containsExactly("slowpoke", "slowpoke2", "lastone");
        java.time.Instant slow1 = java.time.Instant.parse(answer.getString("agents[0].started_at"));
        java.time.Instant slow2 = java.time.Instant.parse(answer.getString("agents[1].started_at"));
        java.time.Instant last = java.time.Instant.parse(answer.getString("agents[2].started_at"));
        // Each slowpoke sleeps a second before it listens: started together, they begin well under a second apart,
        // and the last agent begins only once both are ready, a second or more after them.
        assertThat(java.time.Duration.between(slow1, slow2).abs()).isLessThan(java.time.Duration.ofMillis(500));
        assertThat(java.time.Duration.between(slow1, last)).isGreaterThan(java.time.Duration.ofMillis(900));
    }
}
