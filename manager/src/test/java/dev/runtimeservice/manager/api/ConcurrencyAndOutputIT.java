package dev.runtimeservice.manager.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Many calls at once, and agents whose output is hostile: the manager's invariants hold. */
class ConcurrencyAndOutputIT extends ManagerProcessTestSupport {

    private static final List<String> MANY = List.of("many-a", "many-b", "many-c", "many-d", "many-e");

    @Test
    void fiftyMixedCallsAtOnceAllCompleteWithoutDoubleStartsOrSharedPorts() {
        Random random = new Random(42);
        ExecutorService pool = Executors.newFixedThreadPool(50);
        try {
            List<CompletableFuture<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                String name = MANY.get(random.nextInt(MANY.size()));
                int kind = random.nextInt(3);
                calls.add(CompletableFuture.supplyAsync(() -> call(kind, name), pool));
            }
            List<Integer> statuses = calls.stream().map(CompletableFuture::join).toList();
            // 409: a launch that a concurrent stop interrupted; every call answered.
            assertThat(statuses).hasSize(50).allMatch(status -> status == 200 || status == 409);
        } finally {
            pool.shutdownNow();
        }
        JsonPath listed = list(Map.of("status", "RUNNING")).extract().jsonPath();
        List<Integer> ports = listed.getList("agents.port", Integer.class);
        assertThat(ports).doesNotHaveDuplicates();
        for (String name : MANY) {
            List<ProcessHandle> processes = processesOf(name);
            assertThat(processes).as(name).hasSizeLessThanOrEqualTo(1);
            boolean running = listed.getList("agents.name", String.class).contains(name);
            assertThat(processes).as(name + " runs exactly when listed RUNNING").hasSize(running ? 1 : 0);
        }
    }

    @Test
    void anAgentThatFloodsItsOutputKeepsTheManagerResponsiveAndItsLogWithinTheCap() throws Exception {
        launch("flood").statusCode(200);
        long slowest = 0;
        long deadline = System.nanoTime() + Duration.ofSeconds(4).toNanos();
        while (System.nanoTime() < deadline) {
            long began = System.nanoTime();
            list(Map.of()).statusCode(200);
            slowest = Math.max(
                    slowest, Duration.ofNanos(System.nanoTime() - began).toMillis());
        }
        stop("flood").statusCode(200);
        assertThat(slowest).as("slowest list_agents in ms while flooding").isLessThan(2000);
        List<Path> files;
        try (Stream<Path> listed = Files.list(LOGS.resolve("agents"))) {
            files = listed.filter(file -> file.getFileName().toString().startsWith("flood."))
                    .toList();
        }
        // The active file rolls at 1 MB into archives, capped at 3 MB together; all readable by their owner only.
        assertThat(files).anyMatch(file -> file.getFileName().toString().matches("flood\\.[-\\d]+\\.\\d+\\.log"));
        for (Path file : files) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                    .as(file.toString())
                    .isEqualTo("rw-------");
        }
        assertThat(size(LOGS.resolve("agents/flood.log"))).isLessThan(1_100_000);
        assertThat(files.stream().mapToLong(ConcurrencyAndOutputIT::size).sum()).isLessThan(4_200_000);
    }

    @Test
    void anAgentThatClosesItsOutputCostsTheManagerNoThread() {
        long pid = launch("mute").statusCode(200).extract().jsonPath().getLong("agents[0].pid");
        await().atMost(Duration.ofSeconds(5))
                .until(() -> Thread.getAllStackTraces().keySet().stream()
                        .noneMatch(thread -> thread.getName().equals("output-mute-" + pid)));
        assertThat(alive(pid)).isTrue();
        list(Map.of("name", "mute")).body("agents[0].status", org.hamcrest.Matchers.equalTo("RUNNING"));
    }

    private int call(int kind, String name) {
        return switch (kind) {
            case 0 ->
                given().port(port)
                        .contentType(ContentType.JSON)
                        .body(Map.of("agents", List.of(name)))
                        .post("/api/launch_agents")
                        .statusCode();
            case 1 ->
                given().port(port)
                        .queryParam("agent_name", name)
                        .post("/api/stop_agent")
                        .statusCode();
            default -> given().port(port).get("/api/list_agents").statusCode();
        };
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }
}
