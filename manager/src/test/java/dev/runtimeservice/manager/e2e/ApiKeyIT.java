package dev.runtimeservice.manager.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import dev.runtimeservice.testsupport.ProcessEnvironment;
import dev.runtimeservice.testsupport.TestPorts;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;

/**
 * The packaged manager with {@code RUNTIME_API_KEY} set: every endpoint but health needs the key, agents do
 * not inherit it, their shutdown endpoint demands their launch token, a running agent's token reads the agent list
 * and nothing else, and the key is in no log, not even from a malformed header; every log file is its owner's only.
 */
class ApiKeyIT {

    /** The tool names the official MCP Java SDK client lists at /mcp, with the key as a bearer token. */
    private static java.util.List<String> mcpTools(int port, String key) {
        java.net.http.HttpRequest.Builder requests = java.net.http.HttpRequest.newBuilder();
        if (key != null) {
            requests.header("Authorization", "Bearer " + key);
        }
        io.modelcontextprotocol.client.McpSyncClient client = io.modelcontextprotocol.client.McpClient.sync(
                        io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport.builder(
                                        "http://127.0.0.1:" + port)
                                .endpoint("/mcp")
                                .requestBuilder(requests)
                                .build())
                .requestTimeout(Duration.ofSeconds(30))
                .build();
        try {
            client.initialize();
            return client.listTools().tools().stream()
                    .map(io.modelcontextprotocol.spec.McpSchema.Tool::name)
                    .toList();
        } finally {
            client.close();
        }
    }

    private static final String KEY = "k3y-" + System.nanoTime();

    @Test
    void theApiKeyGuardsEveryEndpointButHealthAndNeverReachesAgentsOrLogs() throws Exception {
        int port = TestPorts.free();
        Path logs = Path.of("target/api-key-logs").toAbsolutePath();
        FileSystemUtils.deleteRecursively(logs);
        Path agents = Path.of("target/test-classes/test-agents").toAbsolutePath();
        try (PackagedManager manager = PackagedManager.start(
                Map.of(
                        "RUNTIME_API_KEY",
                        KEY,
                        "PORT",
                        Integer.toString(port),
                        "AGENTS_DIR",
                        agents.toString(),
                        "LOG_DIR",
                        logs.toString(),
                        "MIN_AGENT_PORT",
                        "23200",
                        "MAX_AGENT_PORT",
                        "23299"),
                Path.of("target/api-key-manager.out"))) {
            manager.awaitHealthy("http://127.0.0.1:" + port + "/actuator/health/readiness", Duration.ofSeconds(120));
            assertThat(rawRequest(
                            port,
                            "GET /api/list_agents HTTP/1.1\r\nHost: localhost\r\nX-API-Key: " + KEY
                                    + "\u0001\r\nConnection: close\r\n\r\n"))
                    .as("a malformed header is refused")
                    .startsWith("HTTP/1.1 400");

            given().port(port)
                    .get("/api/list_agents")
                    .then()
                    .statusCode(401)
                    .contentType("application/problem+json")
                    .body("detail", containsString("X-API-Key"));
            given().port(port).get("/v3/api-docs").then().statusCode(401);
            given().port(port)
                    .header("X-API-Key", "wrong")
                    .get("/api/list_agents")
                    .then()
                    .statusCode(401)
                    .body("detail", startsWith("The API key sent is not this manager's"))
                    .body(not(containsString(KEY)));
            given().port(port).get("/actuator/health").then().statusCode(200);
            given().port(port).get("/api/events").then().statusCode(401);
            // The console's page holds no data and is served without the key; it asks for the key itself.
            given().port(port).get("/").then().statusCode(200).body(containsString("Runtime Service console"));
            given().port(port).get("/console/console.js").then().statusCode(200);
            assertCliNeedsTheKey(port);
            assertThatThrownBy(() -> mcpTools(port, null))
                    .as("/mcp without the key")
                    .isInstanceOf(Exception.class);
            assertThat(mcpTools(port, KEY)).contains("launch_agents");

            int pid = given().port(port)
                    .header("X-API-Key", KEY)
                    .contentType(ContentType.JSON)
                    .body(Map.of("agents", List.of("echo")))
                    .post("/api/launch_agents")
                    .then()
                    .statusCode(200)
                    .extract()
                    .path("agents[0].pid");
            String token = ProcessEnvironment.of(pid).get("AGENT_TOKEN");
            assertThat(token).isNotBlank();
            given().port(port)
                    .header("X-Agent-Token", token)
                    .get("/api/list_agents")
                    .then()
                    .statusCode(200)
                    .body("agents.name", org.hamcrest.Matchers.contains("echo"));
            assertThat(eventStreamStatus(port, token))
                    .as("/api/events with the launch token")
                    .isEqualTo(200);
            assertThat(eventStreamStatus(port, "not-" + token)).isEqualTo(401);
            given().port(port)
                    .header("X-Agent-Token", token)
                    .get("/api/agents/echo/logs")
                    .then()
                    .statusCode(401)
                    .body("detail", containsString("only on GET /api/list_agents"));
            given().port(port)
                    .header("X-Agent-Token", token)
                    .post("/api/stop_agent?agent_name=echo")
                    .then()
                    .statusCode(401);
            given().port(port)
                    .header("X-Agent-Token", "not-" + token)
                    .get("/api/list_agents")
                    .then()
                    .statusCode(401);
            given().port(port)
                    .header("Authorization", "Bearer " + KEY)
                    .get("/api/agents/echo/logs")
                    .then()
                    .statusCode(200)
                    .body(
                            "lines",
                            org.hamcrest.Matchers.hasItem(
                                    containsString("RUNTIME_API_KEY is absent; AGENT_SHUTDOWN_REQUIRES_TOKEN=true")));
            given().port(port)
                    .header("X-API-Key", KEY)
                    .post("/api/stop_agent?agent_name=echo")
                    .then()
                    .statusCode(200)
                    .body("agents[0].status", equalTo("STOPPED"));
            given().port(port)
                    .header("X-Agent-Token", token)
                    .get("/api/list_agents")
                    .then()
                    .statusCode(401);
            given().port(port)
                    .header("X-API-Key", KEY)
                    .contentType(ContentType.JSON)
                    .body("{\"agents\":[\"echo\"],\"resources\":{\"x\":\"" + "y".repeat(1_100_000) + "\"}}")
                    .post("/api/launch_agents")
                    .then()
                    .statusCode(413)
                    .body("detail", containsString("1048576"));

            assertThat(manager.terminate(Duration.ofSeconds(30))).isIn(0, 143);
            assertThat(manager.output())
                    .contains("Stopped agent echo")
                    .contains("through its shutdown endpoint")
                    .doesNotContain(KEY);
        }
        try (Stream<Path> files = Files.walk(logs)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertThat(Files.readString(file)).as(file.toString()).doesNotContain(KEY);
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                        .as(file.toString())
                        .isEqualTo("rw-------");
            }
        }
    }

    /** The status line of the answer to a request sent as raw bytes, as a client that breaks HTTP would send it. */
    /** The CLI sends RUNTIME_API_KEY from its environment; without it, it prints the manager's detail, exit 1. */
    private static void assertCliNeedsTheKey(int port) {
        String url = "http://127.0.0.1:" + port;
        java.io.StringWriter out = new java.io.StringWriter();
        java.io.StringWriter err = new java.io.StringWriter();
        int withKey = dev.runtimeservice.cli.RuntimeCli.execute(
                Map.of("RUNTIME_API_KEY", KEY, "RUNTIME_URL", url),
                new java.io.PrintWriter(out, true),
                new java.io.PrintWriter(err, true),
                "ls");
        assertThat(withKey).as(err.toString()).isZero();
        assertThat(out.toString()).startsWith("No agents");
        int withoutKey = dev.runtimeservice.cli.RuntimeCli.execute(
                Map.of("RUNTIME_URL", url),
                new java.io.PrintWriter(out, true),
                new java.io.PrintWriter(err, true),
                "ls");
        assertThat(withoutKey).isEqualTo(1);
        assertThat(err.toString())
                .isEqualTo("runtime: This manager requires its API key (RUNTIME_API_KEY): send it as the header "
                        + "'X-API-Key: <key>' or 'Authorization: Bearer <key>'.\n")
                .doesNotContain(KEY);
    }

    private static String rawRequest(int port, String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1)
                    .lines()
                    .findFirst()
                    .orElse("");
        }
    }

    /** The status {@code GET /api/events} answers with this agent token; the stream is closed at once. */
    private static int eventStreamStatus(int port, String token) throws Exception {
        HttpResponse<InputStream> answer = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/events"))
                                .header("X-Agent-Token", token)
                                .header("Accept", "text/event-stream")
                                .timeout(Duration.ofSeconds(10))
                                .build(),
                        HttpResponse.BodyHandlers.ofInputStream());
        answer.body().close();
        return answer.statusCode();
    }
}
