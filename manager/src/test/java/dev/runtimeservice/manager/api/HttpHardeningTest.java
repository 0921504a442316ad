package dev.runtimeservice.manager.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

import io.restassured.http.ContentType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The manager's HTTP surface against hostile and careless requests (issue 17): every error is problem+json and
 * writes no stack trace, names are exact, web pages cannot drive it, resources are bounded, slow clients do not
 * freeze it. In this JVM on a random port; no agent is started (the catalog is the test agents').
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "runtime.agents-dir=src/test/resources/test-agents",
            "runtime.log-dir=target/http-hardening-logs",
            "runtime.state.dir=target/http-hardening-state/${random.uuid}",
            "runtime.min-agent-port=23500",
            "runtime.max-agent-port=23599",
            // Shorter than the manager's 5 s, so that waiting for the 408 of a body that never comes costs less.
            "server.tomcat.connection-timeout=2s"
        })
@ExtendWith(OutputCaptureExtension.class)
class HttpHardeningTest {

    private static final String PROBLEM = "application/problem+json";

    @LocalServerPort
    int port;

    @Test
    void aStateInTheListsQueryIsReadInAnyCaseAndAnythingElseIsRefusedWithTheStates() {
        for (String state : List.of("running", "Running", "RUNNING", " failed ")) {
            given().port(port)
                    .queryParam("status", state)
                    .get("/api/list_agents")
                    .then()
                    .statusCode(200)
                    .body("agents", hasSize(0));
        }
        given().port(port)
                .queryParam("status", "sleeping")
                .get("/api/list_agents")
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("detail", containsString("Use one of [STARTING, RUNNING, STOPPING, STOPPED, BACKOFF, FAILED]"));
    }

    @Test
    void anUnknownPathAndAWrongMethodSayWhatToUseInstead() {
        given().port(port)
                .get("/api/nothing")
                .then()
                .statusCode(404)
                .contentType(PROBLEM)
                .body("detail", startsWith("Nothing is served at /api/nothing. The API's paths: GET /api/list_agents"));
        given().port(port)
                .get("/api/launch_agents")
                .then()
                .statusCode(405)
                .contentType(PROBLEM)
                .header("Allow", containsString("POST"))
                .body("detail", equalTo("GET is not supported at /api/launch_agents: use POST."));
    }

    @Test
    void aNullAgentNameIsA400Problem() {
        given().port(port)
                .contentType(ContentType.JSON)
                .body("{\"agents\": [null]}")
                .post("/api/launch_agents")
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("detail", containsString("agents[0] must be a name"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"%ff", "%", "%zz"})
    void undecodableNamesAre400ProblemsOnStopListAndLogsWithoutAStackTrace(String name, CapturedOutput output)
            throws IOException {
        assertProblem(RawHttp.send(port, "POST", "/api/stop_agent?agent_name=" + name), 400);
        assertProblem(RawHttp.send(port, "GET", "/api/list_agents?name=" + name), 400);
        assertProblem(RawHttp.send(port, "GET", "/api/agents/" + name + "/logs"), 400);
        assertThat(output.getAll()).doesNotContain("\tat ").doesNotContain("InvalidParameterException");
    }

    @Test
    void traceIsA405Problem() throws IOException {
        assertProblem(RawHttp.send(port, "TRACE", "/api/list_agents"), 405);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/actuator/health/../x",
                "/actuator/health/..",
                "/api//list_agents",
                "/actuator/health/%2e%2e/x",
                "/api/list_agents;x=1"
            })
    void pathsNotInNormalFormAre400ProblemsWithoutAStackTrace(String path, CapturedOutput output) throws IOException {
        assertProblem(RawHttp.send(port, "GET", path), 400);
        assertThat(output.getAll()).doesNotContain("\tat ").doesNotContain("must not be null");
    }

    @ParameterizedTest
    @ValueSource(strings = {"echo%00", "echo%0a", "%20echo%20", "echo,", "echo%09"})
    void stopAndListTakeNamesExactlyAsLaunchDoes(String name) throws IOException {
        String stop = RawHttp.send(port, "POST", "/api/stop_agent?agent_name=" + name);
        assertProblem(stop, 400);
        assertThat(stop).contains("lowercase letters, digits");
        assertThat(RawHttp.send(port, "GET", "/api/list_agents?name=" + name))
                .startsWith("HTTP/1.1 400")
                .contains("lowercase letters, digits");
    }

    @Test
    void theSpecificationsStopWithoutABodyOrContentTypeStillWorks() {
        given().port(port)
                .post("/api/stop_agent?agent_name=echo")
                .then()
                .statusCode(200)
                .body("agents[0].action", equalTo("NOT_RUNNING"));
        given().port(port)
                .header("Origin", "http://localhost:" + port)
                .contentType(ContentType.JSON)
                .post("/api/stop_agent?agent_name=echo")
                .then()
                .statusCode(200);
    }

    @Test
    void aWebPageCannotStopAgentsNorReachTheManagerUnderAnotherName(CapturedOutput output) throws IOException {
        given().port(port)
                .header("Origin", "https://evil.example")
                .contentType("application/x-www-form-urlencoded")
                .post("/api/stop_agent?agent_name=echo")
                .then()
                .statusCode(403)
                .contentType(PROBLEM)
                .body("detail", containsString("another site"));
        for (String type : List.of(
                "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "text/plain;charset=UTF-8")) {
            String answer = RawHttp.exchange(
                    port,
                    "POST /api/stop_agent?agent_name=echo HTTP/1.1\r\n"
                            + "Host: localhost\r\nConnection: close\r\nContent-Type: " + type
                            + "\r\nContent-Length: 11\r\n\r\nagents=echo");
            assertProblem(answer, 403);
            assertThat(answer).as(type).contains("application/json").endsWith("}");
        }
        given().port(port)
                .header("Origin", "null")
                .post("/api/stop_agent?agent_name=echo")
                .then()
                .statusCode(403);
        given().port(port)
                .header("Origin", "http://localhost:" + port)
                .contentType("application/x-www-form-urlencoded")
                .post("/api/stop_agent?agent_name=echo")
                .then()
                .statusCode(403);
        String rebound = RawHttp.exchange(
                port, "GET /api/list_agents HTTP/1.1\r\nHost: evil.com:" + port + "\r\nConnection: close\r\n\r\n");
        assertProblem(rebound, 403);
        assertThat(rebound).contains("RUNTIME_ALLOWED_HOSTS");
        assertNoStackTrace(output);
    }

    @Test
    void resourcesPastTheirLimitsAre400sThatNameTheSetting() {
        Map<String, Object> many = new LinkedHashMap<>();
        for (int i = 0; i <= 1000; i++) {
            many.put("k" + i, i);
        }
        launchWith(many)
                .statusCode(400)
                .contentType(PROBLEM)
                .body("detail", containsString("runtime.security.max-resource-keys"));
        Map<String, Object> deep = Map.of("leaf", 1);
        for (int i = 0; i < 32; i++) {
            deep = Map.of("level", deep);
        }
        launchWith(deep).statusCode(400).body("detail", containsString("runtime.security.max-resource-depth"));
        many.remove("k1000");
        // At the limit the request passes the check and goes on, here to the catalog, which knows no such agent.
        given().port(port)
                .contentType(ContentType.JSON)
                .body(Map.of("agents", List.of("nope"), "resources", many))
                .post("/api/launch_agents")
                .then()
                .statusCode(404);
    }

    @Test
    void slowClientsDoNotFreezeHealthOrTheApiAndTheirRefusalsLogNoStackTrace(CapturedOutput output) throws IOException {
        // A first round before the slow clients, so that the cold start of the endpoints is not counted below.
        given().port(port).get("/actuator/health").then().statusCode(200);
        given().port(port).get("/api/list_agents").then().statusCode(200);
        List<Socket> slow = new ArrayList<>();
        try {
            for (int i = 0; i < 200; i++) {
                Socket socket = new Socket("127.0.0.1", port);
                socket.getOutputStream()
                        .write(("POST /api/launch_agents HTTP/1.1\r\nHost: localhost\r\nContent-Type: "
                                        + "application/json\r\nContent-Length: 1000\r\n\r\n{\"agents\":")
                                .getBytes(StandardCharsets.UTF_8));
                slow.add(socket);
            }
            for (int round = 0; round < 3; round++) {
                long began = System.nanoTime();
                given().port(port).get("/actuator/health").then().statusCode(200);
                given().port(port).get("/api/list_agents").then().statusCode(200);
                assertThat((System.nanoTime() - began) / 1_000_000)
                        .as("ms for health and list")
                        .isLessThan(2000);
            }
            int refused = 0;
            Socket waited = slow.get(0);
            String timedOut = "";
            for (Socket socket : slow) {
                String answer = answerWithin(socket, 200);
                if (answer.startsWith("HTTP/1.1 429")) {
                    assertProblem(answer, 429);
                    refused++;
                } else if (answer.isEmpty()) {
                    waited = socket; // one of the 16 bodies this client may be sending at once: waited for
                } else {
                    timedOut = answer;
                }
            }
            assertThat(refused).as("connections refused with 429 at once").isGreaterThanOrEqualTo(150);
            // The rest of the body never comes: once a read has waited server.tomcat.connection-timeout, 408.
            timedOut = timedOut.isEmpty() ? answerWithin(waited, 10_000) : timedOut;
            assertProblem(timedOut, 408);
            assertThat(timedOut).contains("server.tomcat.connection-timeout");
            assertNoStackTrace(output);
        } finally {
            for (Socket socket : slow) {
                socket.close();
            }
        }
    }

    @Test
    void healthShowsItsDetailsWhenNoKeyIsSet() {
        given().port(port).get("/actuator/health").then().statusCode(200).body("components", hasKey("agents"));
    }

    private io.restassured.response.ValidatableResponse launchWith(Map<String, Object> resources) {
        return given().port(port)
                .contentType(ContentType.JSON)
                .body(Map.of("agents", List.of("echo"), "resources", resources))
                .post("/api/launch_agents")
                .then();
    }

    /** The whole answer on {@code socket} (it closes after it), or what came of it within {@code millis}. */
    private static String answerWithin(Socket socket, int millis) throws IOException {
        socket.setSoTimeout(millis);
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        try {
            socket.getInputStream().transferTo(answer);
        } catch (SocketTimeoutException e) {
            // still waited for
        }
        return answer.toString(StandardCharsets.UTF_8);
    }

    /** A refused request is answered once, by the filter that refused it: no error page, no exception, no trace. */
    private static void assertNoStackTrace(CapturedOutput output) {
        assertThat(output.getAll()).doesNotContain("\tat ", " ERROR ", "Exception Processing", "MultipartException");
    }

    private static void assertProblem(String answer, int status) {
        assertThat(answer)
                .startsWith("HTTP/1.1 " + status)
                .containsIgnoringCase("Content-Type: " + PROBLEM)
                .contains("\"status\":" + status)
                .contains("\"detail\":");
    }
}
