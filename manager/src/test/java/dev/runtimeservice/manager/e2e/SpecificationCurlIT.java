package dev.runtimeservice.manager.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtimeservice.testsupport.ProcessEnvironment;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * The user's acceptance test: every curl call of the specification ({@code docs/runtime-service-spec.es.md}),
 * run verbatim through bash, in order, against the packaged manager on port 8000 with the real built-in agents
 * (the orchestrator's on 8004). Then the manager is stopped with SIGTERM and the process table
 * is scanned for anything it started.
 */
// Started after the longest test classes: it takes about 25 s (the class order: see the manager's pom).
@Order(2)
class SpecificationCurlIT {

    private static final Path SPEC = PackagedManager.ROOT.resolve("docs/runtime-service-spec.es.md");
    private static final Path LOGS = Path.of("target/e2e-logs").toAbsolutePath();
    private static final Pattern BASH_BLOCK = Pattern.compile("```bash\\n(.*?)```", Pattern.DOTALL);
    private static final String SECRET_URL = "https://example.com";

    @Test
    void theSpecificationsCurlExamplesWorkVerbatimAndStoppingTheManagerStopsEveryAgent() throws Exception {
        List<String> curls = specificationCurls();
        assertThat(curls).hasSize(8);
        requireFree(8000, 8001, 8002, 8003, 8004);
        List<String> answers = new ArrayList<>();
        try (PackagedManager manager = PackagedManager.start(
                Map.of("LOG_DIR", LOGS.toString(), "AGENT_STARTUP_TIMEOUT", "180"),
                Path.of("target/e2e-manager.out"))) {
            manager.awaitHealthy("http://127.0.0.1:8000/actuator/health/readiness", Duration.ofSeconds(120));

            JsonPath first = run(curls.get(0), answers);
            assertThat(first.getList("agents.name", String.class)).containsExactly("vfs", "kendra");
            assertThat(first.getList("agents.status", String.class)).containsOnly("RUNNING");
            assertThat(first.getList("agents.port", Integer.class)).containsExactly(8001, 8002);
            assertThat(first.getList("agents.pid", Long.class)).allMatch(SpecificationCurlIT::alive);

            JsonPath second = run(curls.get(1), answers);
            assertThat(second.getList("agents.action", String.class)).containsOnly("RESTARTED");
            assertThat(second.getList("agents.resources", List.class)).containsOnly(List.of("sharepoint"));
            assertThat(first.getList("agents.pid", Long.class)).noneMatch(SpecificationCurlIT::alive);
            for (String agent : List.of("vfs", "kendra")) {
                assertResourcesFile(agent);
            }

            JsonPath third = run(curls.get(2), answers);
            assertThat(third.getList("agents.name", String.class)).containsExactly("vfs", "gpt4", "orchestrator");
            assertThat(third.getList("agents.action", String.class))
                    .containsExactly("ALREADY_RUNNING", "STARTED", "STARTED");
            assertThat(third.getList("agents.port", Integer.class)).containsExactly(8001, 8003, 8004);
            assertThat(Instant.parse(third.getString("agents[2].started_at")))
                    .isAfter(Instant.parse(third.getString("agents[1].started_at")));

            JsonPath listed = run(curls.get(3), answers);
            assertThat(listed.getList("agents.name", String.class))
                    .containsExactly("vfs", "kendra", "gpt4", "orchestrator");
            assertThat(listed.getList("agents.status", String.class)).containsOnly("RUNNING");
            assertThat(listed.getList("agents.findAll { it.name in ['vfs', 'kendra'] }.resources", List.class))
                    .containsOnly(List.of("sharepoint"));
            List<Long> pids = listed.getList("agents.pid", Long.class);
            long vfsPid = pids.get(0);

            JsonPath known = run(curls.get(4), answers, "{\"agents\":[");
            assertThat(known.getList("agents.findAll { it.routable }.name", String.class))
                    .containsExactlyInAnyOrder("vfs", "kendra", "gpt4");
            JsonPath discovered = run(curls.get(5), answers, "{\"agents\":[");
            assertThat(discovered.getList("agents.name", String.class))
                    .contains("orchestrator", "vfs", "kendra", "gpt4");
            JsonPath routed = run(curls.get(6), answers, "{");
            assertThat(routed.getString("language")).isEqualTo("es");
            assertThat(routed.getString("choice.agent")).isEqualTo("kendra");
            assertThat(routed.getString("choice.skill")).isEqualTo("search");
            assertThat(routed.getString("prompt.text")).isNotBlank();

            JsonPath stopped = run(curls.get(7), answers);
            assertThat(stopped.getString("agents[0].name")).isEqualTo("vfs");
            assertThat(stopped.getString("agents[0].status")).isEqualTo("STOPPED");
            assertThat(alive(vfsPid)).isFalse();
            assertThat(PackagedManager.ROOT.resolve("agents/vfs/resources.json"))
                    .doesNotExist();
            requireFree(8001);

            List<ProcessHandle> started =
                    ProcessHandle.of(manager.pid()).orElseThrow().descendants().toList();
            assertThat(started).hasSizeGreaterThanOrEqualTo(3);
            assertThat(manager.terminate(Duration.ofSeconds(60)))
                    .as(manager.output())
                    .isIn(0, 143);
            assertThat(started).noneMatch(ProcessHandle::isAlive);
            assertThat(agentProcessesInTheProcessTable()).isEmpty();
            assertThat(PackagedManager.ROOT.resolve("agents/kendra/resources.json"))
                    .doesNotExist();
            requireFree(8000, 8001, 8002, 8003, 8004);
            assertThat(manager.output()).contains("Stopped agent orchestrator").doesNotContain(SECRET_URL);
        }
        assertNoSecretIn(String.join("\n", answers));
        try (Stream<Path> files = Files.walk(LOGS)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertNoSecretIn(Files.readString(file));
            }
        }
        assertThat(LOGS.resolve("agents/kendra.log")).exists();
        assertThat(Files.readAllLines(LOGS.resolve("agents/vfs.log")))
                .allMatch(line ->
                        line.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}\\S* +[A-Z]+ +\\[vfs\\] .*"));
    }

    private static void assertResourcesFile(String agent) throws IOException {
        Path file = PackagedManager.ROOT.resolve("agents/" + agent + "/resources.json");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        JsonPath content = JsonPath.from(Files.readString(file));
        assertThat(content.getString("name")).isEqualTo(agent);
        assertThat(content.getString("id")).isNotBlank();
        assertThat(content.getString("resources.sharepoint.password")).isEqualTo("pass");
    }

    private static void assertNoSecretIn(String text) {
        assertThat(text).doesNotContain(SECRET_URL).doesNotContainPattern("\\bpass\\b");
    }

    /** The curl commands of the specification's bash blocks, in order, line continuations joined. */
    static List<String> specificationCurls() throws IOException {
        Matcher blocks = BASH_BLOCK.matcher(Files.readString(SPEC, StandardCharsets.UTF_8));
        List<String> curls = new ArrayList<>();
        while (blocks.find()) {
            String command = blocks.group(1).replace("\\\n", " ").trim();
            if (command.startsWith("curl")) {
                curls.add(command);
            }
        }
        return curls;
    }

    private static JsonPath run(String curl, List<String> answers) throws Exception {
        return run(curl, answers, "{\"agents\":[");
    }

    private static JsonPath run(String curl, List<String> answers, String expectedStart) throws Exception {
        Process bash = new ProcessBuilder("bash", "-c", curl)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        String answer = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(bash.waitFor()).as("curl exit code of: " + curl).isZero();
        answers.add(answer);
        assertThat(answer).as(curl).startsWith(expectedStart);
        return JsonPath.from(answer);
    }

    /**
     * Every process in the table that a manager on port 8000 launched: its environment holds the agent
     * contract's AGENT_ID and that MANAGER_URL. (Agent jars run by hand elsewhere on the machine have neither.)
     */
    private static List<String> agentProcessesInTheProcessTable() {
        return ProcessHandle.allProcesses()
                .filter(handle -> {
                    Map<String, String> environment = ProcessEnvironment.of(handle.pid());
                    return environment.containsKey("AGENT_ID")
                            && environment.getOrDefault("MANAGER_URL", "").startsWith("http://127.0.0.1:8000");
                })
                .map(handle -> handle.pid() + " " + handle.info().commandLine().orElse(""))
                .toList();
    }

    static void requireFree(int... ports) {
        for (int port : ports) {
            try (ServerSocket socket = new ServerSocket()) {
                socket.setReuseAddress(true);
                socket.bind(new InetSocketAddress(port));
            } catch (IOException e) {
                throw new AssertionError("Port " + port + " is in use; this test needs ports 8000-8004 free", e);
            }
        }
    }

    private static boolean alive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }
}
