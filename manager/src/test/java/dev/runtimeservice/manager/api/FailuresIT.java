package dev.runtimeservice.manager.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

import com.sun.net.httpserver.HttpServer;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Agents that fail to start or to stop, and requests that are wrong: clear answers, nothing left behind. */
class FailuresIT extends ManagerProcessTestSupport {

    @Test
    void anAgentThatExitsOnBootIsA502WithItsLastLogLinesAndLeavesNothingBehind() {
        launch("crasher")
                .statusCode(502)
                .contentType("application/problem+json")
                .body("agent", equalTo("crasher"))
                .body("detail", containsString("exited with code 3"))
                .body("log_tail", hasItem(containsString("cannot start, exiting with code 3")));
        assertThat(AGENTS.resolve("crasher/resources.json")).doesNotExist();
        list(Map.of("status", "FAILED")).body("agents.name", hasItem("crasher"));
        given().port(port)
                .get("/actuator/health")
                .then()
                .statusCode(503)
                .body("components.agents.status", equalTo("DOWN"))
                .body("components.agents.details.crasher", containsString("FAILED"));
        // Launching a healthy agent takes the freed port: nothing of the failed start holds it.
        launch("echo").statusCode(200).body("agents[0].port", equalTo(23000));
    }

    @Test
    void anAgentNeverReadyWithinTheStartupTimeoutIsA504AndItsProcessIsKilled() {
        launch("sleepy")
                .statusCode(504)
                .body("detail", containsString("AGENT_STARTUP_TIMEOUT=5s"))
                .body("log_tail", hasItem(containsString("GET /health HTTP/1.1\" 503")));
        assertThat(pythonAgents()).isZero();
        try (ServerSocket free = new ServerSocket(23000)) {
            assertThat(free.isBound()).isTrue();
        } catch (java.io.IOException e) {
            throw new AssertionError("port 23000 was not freed", e);
        }
    }

    @Test
    void whatTheJvmPrintsBeforeAnyLoggingStartsIsInTheAgentsLog() {
        launch("badjvm").statusCode(502).body("log_tail", hasItem(containsString("Invalid or corrupt jarfile")));
    }

    @Test
    void aMissingJarIsAClearError() {
        launch("nojar")
                .statusCode(500)
                .body("detail", containsString("nojar.jar does not exist"))
                .body("detail", containsString("./mvnw -DskipTests package"));
    }

    @Test
    void anInvalidDescriptorIsA422ThatSaysWhatToFix() {
        launch("broken").statusCode(422).body("detail", containsString("exactly one of 'jar' and 'command'"));
    }

    @Test
    void unknownAgentsAreA404ListingTheKnownOnes() {
        launch("echo", "ghost")
                .statusCode(404)
                .body("unknown", equalTo(List.of("ghost")))
                .body("known", hasItems("echo", "crasher"))
                .body("detail", containsString("Known agents:"));
        list(Map.of()).body("agents", org.hamcrest.Matchers.hasSize(0));
        stop("ghost").statusCode(404);
    }

    @Test
    void malformedBodiesAndInvalidNamesAreA400() {
        given().port(port)
                .contentType(ContentType.JSON)
                .body("{\"agents\": [\"vfs\"")
                .post("/api/launch_agents")
                .then()
                .statusCode(400)
                .body("detail", containsString("not valid JSON"));
        given().port(port)
                .contentType(ContentType.JSON)
                .body("{\"agents\": [\"echo\"], \"resources\": \"x\"}")
                .post("/api/launch_agents")
                .then()
                .statusCode(400)
                .body("detail", containsString("'resources'"));
        launch(Map.of("agents", List.of())).statusCode(400).body("detail", containsString("at least one agent"));
        launch("../etc").statusCode(400).body("detail", containsString("lowercase letters"));
        stop("Bad Name").statusCode(400);
        list(Map.of("status", "DANCING")).statusCode(400).body("detail", containsString("RUNNING"));
    }

    @Test
    void aFixedPortHeldByAForeignProcessIsA409NamingThePortAndTheHolder() throws Exception {
        try (ServerSocket foreign = new ServerSocket()) {
            foreign.bind(new InetSocketAddress("127.0.0.1", 23999));
            launch("fixed")
                    .statusCode(409)
                    .body("port", equalTo(23999))
                    .body("detail", containsString("port 23999"))
                    .body(
                            "holder",
                            containsString("pid " + ProcessHandle.current().pid()));
        }
        launch("fixed").statusCode(200).body("agents[0].port", equalTo(23999));
    }

    @Test
    void anotherProcessThatTakesTheAgentsPortWhileItStartsIsNotTakenForTheAgent() throws Exception {
        CompletableFuture<Response> launched =
                CompletableFuture.supplyAsync(() -> launch("squatted").extract().response());
        await().atMost(Duration.ofSeconds(10))
                .until(() -> !processesOf("squatted").isEmpty());
        // The port was free when the manager gave it; this server takes it before the agent listens (2 s).
        AtomicInteger shutdowns = new AtomicInteger();
        HttpServer squatter = HttpServer.create(new InetSocketAddress("127.0.0.1", 23995), 0);
        squatter.createContext("/", exchange -> {
            if (exchange.getRequestURI().getPath().equals("/shutdown")) {
                shutdowns.incrementAndGet();
            }
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        squatter.start();
        try {
            Response answer = launched.get(30, TimeUnit.SECONDS);
            assertThat(answer.statusCode()).isEqualTo(409);
            assertThat(answer.jsonPath().getString("detail")).contains("another process took its port 23995");
            await().atMost(Duration.ofSeconds(5))
                    .until(() -> processesOf("squatted").isEmpty());
            assertThat(shutdowns).hasValue(0);
        } finally {
            squatter.stop(0);
        }
    }

    @Test
    void anAgentThatIgnoresSigtermIsKilledAfterTheShutdownTimeout() {
        long pid = launch("stubborn").statusCode(200).extract().jsonPath().getLong("agents[0].pid");
        long began = System.nanoTime();
        stop("stubborn").statusCode(200).body("agents[0].status", equalTo("STOPPED"));
        assertThat(Duration.ofNanos(System.nanoTime() - began)).isGreaterThanOrEqualTo(Duration.ofSeconds(2));
        assertThat(alive(pid)).isFalse();
    }

    @Test
    void stoppingEndsTheWholeProcessTree() {
        long pid = launch("parent").statusCode(200).extract().jsonPath().getLong("agents[0].pid");
        List<ProcessHandle> children = await().until(
                        () -> ProcessHandle.of(pid).orElseThrow().children().toList(), found -> !found.isEmpty());
        stop("parent").statusCode(200);
        assertThat(children).noneMatch(ProcessHandle::isAlive);
    }

    @Test
    void anAgentThatDiesIsSeenAtOnceAndTurnsHealthDown() {
        long pid = launch("echo").statusCode(200).extract().jsonPath().getLong("agents[0].pid");
        ProcessHandle.of(pid).orElseThrow().destroyForcibly();
        await().atMost(Duration.ofSeconds(2))
                .untilAsserted(() -> list(Map.of("name", "echo"))
                        .body("agents[0].status", equalTo("FAILED"))
                        .body("agents[0].exit_code", equalTo(137)));
        given().port(port)
                .get("/actuator/health")
                .then()
                .statusCode(503)
                .body("components.agents.details.echo", containsString("exited on its own with code 137"));
        assertThat(AGENTS.resolve("echo/resources.json")).doesNotExist();
        launch("echo").statusCode(200).body("agents[0].action", equalTo("STARTED"));
        given().port(port).get("/actuator/health").then().statusCode(200);
    }

    @Test
    void secretsNeverReachAnswersOrLogsEvenWhenAnAgentPrintsThem() throws Exception {
        String secret = "s3cr3t-" + System.nanoTime();
        String answer = launch(
                        Map.of("agents", List.of("leaky"), "resources", Map.of("vault", Map.of("token", secret))))
                .statusCode(200)
                .extract()
                .asString();
        JsonPath logs = given().port(port)
                .get("/api/agents/leaky/logs?lines=50")
                .then()
                .statusCode(200)
                .body("lines", hasItem(containsString("my resources are")))
                .extract()
                .jsonPath();
        stop("leaky").statusCode(200);
        assertThat(answer).doesNotContain(secret);
        assertThat(logs.prettify()).doesNotContain(secret).contains("******");
        try (Stream<Path> files = Files.walk(LOGS)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertThat(text(file)).as(file.toString()).doesNotContain(secret);
            }
        }
    }

    @Test
    void theManagerServesItsOpenApiDescriptionAndABrowsableUi() {
        given().port(port)
                .get("/v3/api-docs")
                .then()
                .statusCode(200)
                .body("paths", org.hamcrest.Matchers.hasKey("/api/launch_agents"))
                .body("paths", org.hamcrest.Matchers.hasKey("/api/stop_agent"));
        given().port(port).get("/swagger-ui/index.html").then().statusCode(200).body(containsString("swagger-ui"));
    }

    @Test
    void theLogEndpointReturnsTheLastLinesOfAnAgentsLog() {
        launch("echo").statusCode(200);
        JsonPath tail = given().port(port)
                .get("/api/agents/echo/logs?lines=2")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(tail.getList("lines", String.class))
                .hasSize(2)
                .allMatch(line -> line.matches("\\d{4}-\\d\\d-\\d\\dT.* (INFO|WARN|ERROR) +\\[echo\\] .*"));
        given().port(port).get("/api/agents/ghost/logs").then().statusCode(404);
        given().port(port).get("/api/agents/echo/logs?lines=0").then().statusCode(400);
    }

    /** A log file's text, also of rolled archives; bytes that are not UTF-8 are replaced, not fatal. */
    private static String text(Path file) throws java.io.IOException {
        try (java.io.InputStream in = file.toString().endsWith(".gz")
                ? new java.util.zip.GZIPInputStream(Files.newInputStream(file))
                : Files.newInputStream(file)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }
}
