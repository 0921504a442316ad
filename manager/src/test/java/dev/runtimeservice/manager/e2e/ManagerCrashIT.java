package dev.runtimeservice.manager.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.startsWith;

import dev.runtimeservice.manager.process.ProcessEnd;
import dev.runtimeservice.testsupport.ProcessEnvironment;
import dev.runtimeservice.testsupport.TestPorts;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The manager killed with SIGKILL while agents run, then started again: it takes over the agents that still run,
 * forgets the dead ones, brings back those waiting for a restart and the failed ones, never signals a process that
 * only has a recorded pid, and survives a corrupt state file.
 * Real packaged managers, real Python agents ({@code src/test/resources/test-agents}), real process table.
 */
// Started among the first test classes: it takes about a minute (the class order: see the manager's pom).
@Order(1)
class ManagerCrashIT {

    private static final Path AGENTS = Path.of("src/test/resources/test-agents").toAbsolutePath();
    private static final Duration BOOT = Duration.ofSeconds(60);

    @TempDir
    Path work;

    private Path state;
    private int port;
    private final List<PackagedManager> managers = new ArrayList<>();
    private final List<Process> bystanders = new ArrayList<>();

    @BeforeEach
    void folders() throws IOException {
        state = work.resolve("state");
        port = TestPorts.free();
    }

    @AfterEach
    void leaveNothingRunning() {
        managers.forEach(PackagedManager::close);
        agentProcesses().forEach(ProcessHandle::destroyForcibly);
        bystanders.forEach(Process::destroyForcibly);
    }

    @Test
    void aManagerStartedAfterKill9TakesOverTheAgentsThatStillRun() throws Exception {
        PackagedManager first = start(Map.of());
        launch("phoenix", "fixed", "echo");
        Map<String, Long> pids = pids();
        // A second manager on the same state folder (on a port of its own, so only the folder is shared) stops at
        // once, naming the first one, and touches none of its agents.
        PackagedManager intruder = launchManager(Map.of("PORT", Integer.toString(TestPorts.free())));
        assertThat(intruder.awaitExit(BOOT)).isNotZero();
        assertThat(intruder.output())
                .contains("APPLICATION FAILED TO START")
                .contains("is in use by another manager (pid " + first.pid() + ")")
                .doesNotContain("Stopped agent");
        assertThat(pids()).isEqualTo(pids);
        assertThat(list().getList("agents.status", String.class)).containsOnly("RUNNING");
        // Killed, the first manager leaves no lock behind (the OS drops it with the process), and no Tomcat document
        // root in the temporary folder (it is in run/tomcat).
        first.kill();
        try (Stream<Path> temporary = Files.list(Path.of(PackagedManager.TEMPORARY))) {
            assertThat(temporary.map(file -> file.getFileName().toString()))
                    .noneMatch(name -> name.startsWith("tomcat-docbase." + port + "."));
        }
        assertThat(pids.values()).allSatisfy(pid -> assertThat(alive(pid)).isTrue());

        // While no manager runs: one agent dies, and the state file gains an entry whose pid is an unrelated process.
        ProcessHandle echo = ProcessHandle.of(pids.get("echo")).orElseThrow();
        echo.destroyForcibly();
        echo.onExit().get();
        Process bystander = new ProcessBuilder("sleep", "600").start();
        bystanders.add(bystander);
        recordImpostor(bystander.pid());

        PackagedManager second = start(Map.of());
        JsonPath listed = list();
        assertThat(listed.getList("agents.name", String.class)).containsExactlyInAnyOrder("phoenix", "fixed");
        assertThat(pids()).containsEntry("phoenix", pids.get("phoenix")).containsEntry("fixed", pids.get("fixed"));
        assertThat(listed.getList("agents.status", String.class)).containsOnly("RUNNING");
        assertThat(bystander.isAlive())
                .as("a process that merely has a recorded pid is never signalled")
                .isTrue();
        assertThat(second.output())
                .contains("Agent echo (pid " + pids.get("echo") + ") of the previous manager no longer runs")
                .contains("Agent many-a (pid " + bystander.pid() + ") of the previous manager no longer runs");
        assertThat(agentProcesses().map(this::agentName).toList()).containsExactlyInAnyOrder("phoenix", "fixed");

        // Launching again changes nothing; the dead agent starts anew and gets the port back.
        assertThat(launch("phoenix", "fixed", "echo").getList("agents.action", String.class))
                .containsExactly("ALREADY_RUNNING", "ALREADY_RUNNING", "STARTED");
        assertThat(agentProcesses().count()).isEqualTo(3);

        // The output of an agent taken over still reaches its log.
        int phoenixPort = agentPort("phoenix");
        given().port(phoenixPort).get("/status").then().statusCode(200);
        Path log = work.resolve("logs/agents/phoenix.log");
        await().atMost(Duration.ofSeconds(5))
                .until(() -> Files.readString(log).contains("\"GET /status HTTP/1.1\" 200"));

        // A crash of an agent taken over is seen and handled by its restart policy (on-failure).
        ProcessHandle.of(pids.get("phoenix")).orElseThrow().destroyForcibly();
        await().atMost(Duration.ofSeconds(20))
                .until(() -> list().getList("agents", Map.class).stream()
                        .anyMatch(agent -> "phoenix".equals(agent.get("name"))
                                && "RUNNING".equals(agent.get("status"))
                                && ((Number) agent.get("pid")).longValue() != pids.get("phoenix")));

        second.terminate(Duration.ofSeconds(60));
        assertThat(agentProcesses()).as("a graceful stop stops every agent").isEmpty();
        assertThat(Files.readString(state.resolve("agents.json"))).contains("\"agents\":[]");
    }

    @Test
    void aCorruptStateFileIsSetAsideAndTheRunningAgentsAreTakenOverFromTheProcessTable() throws Exception {
        PackagedManager first = start(Map.of());
        launch("many-a", "many-b");
        Map<String, Long> pids = pids();
        first.kill();
        Path file = state.resolve("agents.json");
        byte[] content = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(content, content.length / 2));

        PackagedManager second = start(Map.of());
        assertThat(pids()).isEqualTo(pids);
        assertThat(second.output())
                .contains("cannot be read as a state file")
                .contains("it was moved to")
                .contains("runs but the state file does not list it; taking it over");
        try (Stream<Path> files = Files.list(state)) {
            assertThat(files.map(path -> path.getFileName().toString()))
                    .anyMatch(name -> name.startsWith("agents.json.broken-"));
        }
        second.terminate(Duration.ofSeconds(60));
        assertThat(agentProcesses()).isEmpty();
    }

    @Test
    void keepAgentsOnExitLeavesThemRunningForTheNextManager() throws Exception {
        PackagedManager first = start(Map.of("KEEP_AGENTS_ON_EXIT", "true"));
        launch("many-c");
        Map<String, Long> pids = pids();
        first.terminate(Duration.ofSeconds(60));
        assertThat(alive(pids.get("many-c"))).isTrue();
        assertThat(first.output()).contains("leaving agents [many-c] running for the next manager");

        PackagedManager second = start(Map.of());
        assertThat(pids()).isEqualTo(pids);
        given().port(port)
                .queryParam("agent_name", "many-c")
                .post("/api/stop_agent")
                .then()
                .statusCode(200);
        assertThat(alive(pids.get("many-c"))).isFalse();
        second.terminate(Duration.ofSeconds(60));
    }

    @Test
    void anAgentThatNoLongerAnswersIsStoppedInsteadOfTakenOver() throws Exception {
        PackagedManager first = start(Map.of());
        launch("many-d");
        long pid = pids().get("many-d");
        first.kill();
        // Frozen (SIGSTOP): it still runs, writes to its FIFO and carries its token, but answers nothing.
        assertThat(new ProcessBuilder("kill", "-STOP", Long.toString(pid))
                        .start()
                        .waitFor())
                .isZero();

        PackagedManager second = start(Map.of("AGENT_STARTUP_TIMEOUT", "3", "AGENT_SHUTDOWN_TIMEOUT", "2"));
        assertThat(list().getList("agents")).isEmpty();
        assertThat(alive(pid)).isFalse();
        assertThat(second.output())
                .contains("Agent many-d (pid " + pid + ") taken over from the previous manager was not ready: it "
                        + "did not answer http://")
                .contains("/health with 200 within AGENT_STARTUP_TIMEOUT=3s; stopping and forgetting it");
        assertThat(Files.readString(state.resolve("agents.json"))).contains("\"agents\":[]");

        // Its port is free again: a new launch starts it anew.
        assertThat(launch("many-d").getList("agents.action", String.class)).containsExactly("STARTED");
        second.terminate(Duration.ofSeconds(60));
        assertThat(agentProcesses()).isEmpty();
    }

    @Test
    void anAgentWaitingForItsRestartWhenTheManagerIsKilledIsRestartedByTheNextOneWithItsResources() throws Exception {
        PackagedManager first =
                start(Map.of("RUNTIME_SUPERVISION_INITIALBACKOFF", "8s", "RUNTIME_SUPERVISION_JITTER", "0"));
        given().port(port)
                .contentType(ContentType.JSON)
                .body(Map.of("agents", List.of("reborn"), "resources", Map.of("colour", "blue")))
                .post("/api/launch_agents")
                .then()
                .statusCode(200);
        long crashed = pids().get("reborn");
        ProcessHandle.of(crashed).orElseThrow().destroyForcibly();
        await().atMost(Duration.ofSeconds(10)).until(() -> "BACKOFF".equals(list().getString("agents[0].status")));
        first.kill();
        assertThat(Files.readString(state.resolve("agents.json"))).contains("\"waiting\":[{\"name\":\"reborn\"");

        PackagedManager second = start(Map.of());
        await().atMost(Duration.ofSeconds(30)).until(() -> "RUNNING".equals(list().getString("agents[0].status")));
        JsonPath listed = list();
        assertThat(listed.getLong("agents[0].pid")).isNotEqualTo(crashed);
        assertThat(listed.getInt("agents[0].restarts")).isEqualTo(1);
        assertThat(second.output()).contains("Agent reborn waited for its restart when the previous manager ended");
        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(Files.readAllLines(work.resolve("logs/agents/reborn.log")).stream()
                                .filter(line -> line.contains("my resources are"))
                                .filter(line -> line.contains("\"colour\":")))
                        .as("both launches got the resources (the manager masks their values in logs)")
                        .hasSize(2));
        second.terminate(Duration.ofSeconds(60));
        assertThat(agentProcesses()).isEmpty();
    }

    @Test
    void aFailedAgentIsStillListedAsFailedByTheNextManagerUntilItIsLaunchedOrStopped() throws Exception {
        PackagedManager first = start(Map.of());
        launch("quitter");
        await().atMost(Duration.ofSeconds(10)).until(() -> "FAILED".equals(list().getString("agents[0].status")));
        String failure = list().getString("agents[0].message");
        first.kill();
        assertThat(Files.readString(state.resolve("agents.json"))).contains("\"failed\":[{\"name\":\"quitter\"");

        // Its health stays DOWN, naming the failed agent, as it was before the crash: wait for the API instead.
        PackagedManager second = start(Map.of(), "/api/list_agents");
        given().port(port)
                .get("/actuator/health")
                .then()
                .statusCode(503)
                .body("components.agents.details.quitter", startsWith("FAILED: exited on its own"));
        JsonPath listed = list();
        assertThat(listed.getList("agents.name", String.class)).containsExactly("quitter");
        assertThat(listed.getString("agents[0].status")).isEqualTo("FAILED");
        assertThat(listed.getString("agents[0].message")).isEqualTo(failure).contains("exited on its own with code 0");
        assertThat(listed.getInt("agents[0].exit_code")).isZero();
        assertThat(second.output()).contains("Agent quitter had failed when the previous manager ended");

        // Launched again, it starts anew (and fails again); stopped, it is forgotten, by the state file too.
        assertThat(launch("quitter").getList("agents.action", String.class)).containsExactly("STARTED");
        await().atMost(Duration.ofSeconds(10)).until(() -> "FAILED".equals(list().getString("agents[0].status")));
        given().port(port)
                .queryParam("agent_name", "quitter")
                .post("/api/stop_agent")
                .then()
                .statusCode(200);
        assertThat(list().getList("agents")).isEmpty();
        assertThat(Files.readString(state.resolve("agents.json"))).contains("\"failed\":[]");
        second.terminate(Duration.ofSeconds(60));
        assertThat(agentProcesses()).isEmpty();
    }

    private PackagedManager start(Map<String, String> extra) throws Exception {
        return start(extra, "/actuator/health");
    }

    /** Starts a packaged manager on this test's folders and waits until {@code readyPath} answers 200. */
    private PackagedManager start(Map<String, String> extra, String readyPath) throws Exception {
        PackagedManager manager = launchManager(extra);
        manager.awaitHealthy("http://127.0.0.1:" + port + readyPath, BOOT);
        return manager;
    }

    /** Starts a packaged manager on this test's folders, without waiting for it. */
    private PackagedManager launchManager(Map<String, String> extra) throws Exception {
        Map<String, String> env = new HashMap<>(Map.of(
                "PORT",
                Integer.toString(port),
                "AGENTS_DIR",
                AGENTS.toString(),
                "LOG_DIR",
                work.resolve("logs").toString(),
                "STATE_DIR",
                state.toString(),
                "MIN_AGENT_PORT",
                "23300",
                "MAX_AGENT_PORT",
                "23400",
                "RUNTIME_API_KEY",
                ""));
        env.putAll(extra);
        PackagedManager manager = PackagedManager.start(env, work.resolve("manager-" + managers.size() + ".out"));
        managers.add(manager);
        return manager;
    }

    private JsonPath launch(String... names) {
        return given().port(port)
                .contentType(ContentType.JSON)
                .body(Map.of("agents", List.of(names)))
                .post("/api/launch_agents")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private JsonPath list() {
        return given().port(port)
                .get("/api/list_agents")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private Map<String, Long> pids() {
        Map<String, Long> pids = new HashMap<>();
        for (Map<?, ?> agent : list().getList("agents", Map.class)) {
            pids.put((String) agent.get("name"), ((Number) agent.get("pid")).longValue());
        }
        return pids;
    }

    private int agentPort(String name) {
        return list().getList("agents", Map.class).stream()
                .filter(agent -> name.equals(agent.get("name")))
                .map(agent -> ((Number) agent.get("port")).intValue())
                .findFirst()
                .orElseThrow();
    }

    /** Adds to the state file an agent whose pid belongs to another process, as a reused pid would. */
    private void recordImpostor(long pid) throws IOException {
        Path file = state.resolve("agents.json");
        JsonMapper json = JsonMapper.builder().build();
        ObjectNode content = (ObjectNode) json.readTree(file.toFile());
        ObjectNode impostor = ((ArrayNode) content.get("agents")).addObject();
        impostor.put("name", "many-a")
                .put("id", "not-a-launch")
                .put("pid", pid)
                .put("process_start", Instant.now().toString())
                .put("port", 23398)
                .put("token_digest", "0".repeat(64))
                .put("restarts", 0);
        Files.write(file, json.writeValueAsBytes(content));
    }

    /** The agent processes of this test's state folder: their output goes to a FIFO in it, unlike their parent's. */
    private Stream<ProcessHandle> agentProcesses() {
        return ProcessHandle.allProcesses()
                .filter(process -> state.equals(outputFolder(process))
                        && process.parent()
                                .map(parent -> !state.equals(outputFolder(parent)))
                                .orElse(true));
    }

    private static Path outputFolder(ProcessHandle process) {
        try {
            return Files.readSymbolicLink(Path.of("/proc", Long.toString(process.pid()), "fd", "1"))
                    .getParent();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private String agentName(ProcessHandle process) {
        return ProcessEnvironment.of(process.pid()).get("AGENT_NAME");
    }

    /** Whether the process runs: one that ended and waits for init, its parent now, to reap it does not. */
    private static boolean alive(long pid) {
        return ProcessHandle.of(pid).map(handle -> !ProcessEnd.reached(handle)).orElse(false);
    }
}
