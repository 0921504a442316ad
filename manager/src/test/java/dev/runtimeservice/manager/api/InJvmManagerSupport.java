package dev.runtimeservice.manager.api;

import static io.restassured.RestAssured.given;

import dev.runtimeservice.testsupport.ProcessEnvironment;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A manager in this JVM on a random port, with the test catalog of small Python agents
 * ({@code src/test/resources/agents}): every test here launches real processes over real HTTP.
 * Agents without a fixed port get ports from 23000 up, away from the built-in agents' ports.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "runtime.min-agent-port=23000",
            "runtime.max-agent-port=23100",
            // squatted listens after 2 s, slowpoke after 1 s: 5 s leaves room for a Python start slowed by an e2e class
            // that runs beside these (a JVM agent's start takes both cores for seconds).
            "runtime.agent-startup-timeout=5s",
            "runtime.fast-start.cache-dir=target/fast-start",
            "runtime.agent-shutdown-timeout=2s",
            "runtime.log-dir=target/it-logs",
            "runtime.state.dir=target/it-state/${random.uuid}",
            "runtime.logs.agent-file-size=1MB",
            "runtime.logs.agent-total-size=3MB",
            "runtime.supervision.initial-backoff=200ms",
            "runtime.supervision.max-backoff=1s",
            "runtime.supervision.max-failures=3",
            "runtime.supervision.failure-window=1m",
            "runtime.supervision.liveness-period=200ms",
            // Three probes in a row must go unanswered for 1 s each: a loaded CI machine stalled this JVM or a Python
            // agent long enough to miss three 300 ms probes, and a healthy agent in the middle of a test was killed.
            "runtime.supervision.liveness-timeout=1s",
            "runtime.supervision.liveness-failures=3",
            "runtime.console.usage-period=1s",
            // Each long answer that ends says why, in a line, so that a test whose stream broke can tell.
            "logging.level.dev.runtimeservice.manager.streaming=DEBUG"
        })
abstract class InJvmManagerSupport {

    static final Path AGENTS = resourceFolder("/test-agents");
    static final Path LOGS = Path.of("target", "it-logs").toAbsolutePath();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void catalog(DynamicPropertyRegistry registry) {
        registry.add("runtime.agents-dir", AGENTS::toString);
    }

    @AfterEach
    void stopEverything() {
        List<String> names =
                given().port(port).get("/api/list_agents").jsonPath().getList("agents.name");
        if (!names.isEmpty()) {
            given().port(port)
                    .queryParam("agent_name", names)
                    .post("/api/stop_agent")
                    .then()
                    .statusCode(200);
        }
    }

    ValidatableResponse launch(Map<String, Object> body) {
        return given().port(port)
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/launch_agents")
                .then();
    }

    ValidatableResponse launch(String... names) {
        return launch(Map.of("agents", List.of(names)));
    }

    ValidatableResponse stop(String... names) {
        return given().port(port)
                .queryParam("agent_name", List.of(names))
                .post("/api/stop_agent")
                .then();
    }

    ValidatableResponse list(Map<String, String> filters) {
        return given().port(port).queryParams(filters).get("/api/list_agents").then();
    }

    /** The live processes this test's manager launched for {@code agent}. */
    List<ProcessHandle> processesOf(String agent) {
        return processesOf(port, agent);
    }

    /** The live Python agents ({@code pyagent.py}) this test's manager launched, and their children. */
    long pythonAgents() {
        return launchedBy(port)
                .filter(handle -> handle.info().commandLine().orElse("").contains("pyagent.py"))
                .count();
    }

    /** The live processes the manager of this JVM on {@code managerPort} launched for {@code agent}. */
    static List<ProcessHandle> processesOf(int managerPort, String agent) {
        return launchedBy(managerPort)
                .filter(handle ->
                        agent.equals(ProcessEnvironment.of(handle.pid()).get("AGENT_NAME")))
                .toList();
    }

    /**
     * The live processes the manager of this JVM on {@code managerPort} launched, and their children, found through
     * the manager's URL in their environment: the e2e tests' managers, which run beside these tests as children of
     * this JVM, launch agents of the same names.
     */
    private static Stream<ProcessHandle> launchedBy(int managerPort) {
        String managerUrl = "http://127.0.0.1:" + managerPort;
        return ProcessHandle.current()
                .descendants()
                .filter(ProcessHandle::isAlive)
                .filter(handle ->
                        managerUrl.equals(ProcessEnvironment.of(handle.pid()).get("MANAGER_URL")));
    }

    static boolean alive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    /** A process's command line, as the OS gives it, or empty if it is gone. */
    static String commandLine(long pid) {
        return ProcessHandle.of(pid)
                .flatMap(handle -> handle.info().commandLine())
                .orElse("");
    }

    /** A folder of the test resources, such as {@code /test-agents}. */
    static Path resourceFolder(String resource) {
        try {
            return Path.of(InJvmManagerSupport.class.getResource(resource).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
