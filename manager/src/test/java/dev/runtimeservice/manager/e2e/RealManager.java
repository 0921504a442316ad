package dev.runtimeservice.manager.e2e;

import dev.runtimeservice.testsupport.TestPorts;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The packaged manager jar as a real process, on random free ports, with an API key ({@code RUNTIME_API_KEY}) that
 * only this class sends, and a catalog in a temporary folder whose descriptors point at the real agent jars (no fixed
 * ports) and at a small Python agent. The agents get no key: the orchestrator reads the agent list with its launch
 * token.
 */
final class RealManager implements AutoCloseable {

    static final Path ROOT = PackagedManager.ROOT;
    static final List<String> JAVA_AGENTS = List.of("vfs", "kendra", "gpt4");
    static final String PY_AGENT = "weather";

    final Path home;
    final Path logs;
    final String url;
    final String apiKey;
    private final Process process;
    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    private RealManager(Path home, String url, String apiKey, Process process) {
        this.home = home;
        this.logs = home.resolve("logs");
        this.url = url;
        this.apiKey = apiKey;
        this.process = process;
    }

    static RealManager start() throws IOException {
        return start(java.util.Map.of());
    }

    /** Starts it with {@code env} added to its environment, which its agents inherit. */
    static RealManager start(java.util.Map<String, String> env) throws IOException {
        Path home = Files.createTempDirectory("orchestrator-it");
        Path agents = Files.createDirectories(home.resolve("agents"));
        for (String name : JAVA_AGENTS) {
            descriptor(agents, name, ROOT.resolve("agents/" + name + "/target/" + name + "-agent.jar"), "");
        }
        descriptor(
                agents,
                "orchestrator",
                ROOT.resolve("agents/orchestrator/target/orchestrator-agent.jar"),
                "order: 100\n");
        Path py = Files.createDirectories(agents.resolve(PY_AGENT));
        Files.copy(Path.of("src/test/resources/e2e/weather_agent.py"), py.resolve("weather_agent.py"));
        Files.writeString(
                py.resolve("agent.yml"),
                "description: Weather forecasts (Python, for OrchestratorIT)\n"
                        + "command: [python3, weather_agent.py]\nhealth: /health\n"
                        // The orchestrator's first look at the agents then takes 2 s (OrchestratorIT asks it during
                        // that look).
                        + "env: {FIRST_CARD_DELAY_SECONDS: '2'}\n");
        int port = TestPorts.free();
        int agentPorts = TestPorts.freeRange(201);
        ProcessBuilder builder = PackagedManager.script()
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(home.resolve("manager.out").toFile());
        String apiKey = "it-key-" + UUID.randomUUID();
        builder.environment().remove("ORCHESTRATOR_MANAGER_API_KEY");
        builder.environment()
                .putAll(java.util.Map.of(
                        "PORT",
                        String.valueOf(port),
                        "AGENTS_DIR",
                        agents.toString(),
                        "LOG_DIR",
                        home.resolve("logs").toString(),
                        "MIN_AGENT_PORT",
                        String.valueOf(agentPorts),
                        "MAX_AGENT_PORT",
                        String.valueOf(agentPorts + 200),
                        "AGENT_STARTUP_TIMEOUT",
                        "150",
                        "RUNTIME_API_KEY",
                        apiKey,
                        "RUNTIME_FASTSTART_CACHEDIR",
                        PackagedManager.FAST_START_CACHE.toString()));
        builder.environment().putAll(env);
        return new RealManager(home, "http://127.0.0.1:" + port, apiKey, builder.start());
    }

    private static void descriptor(Path agents, String name, Path jar, String extra) throws IOException {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: run ./mvnw -q -pl agents/vfs,agents/kendra,agents/gpt4,"
                    + "manager package -DskipTests first");
        }
        Path folder = Files.createDirectories(agents.resolve(name));
        Files.writeString(
                folder.resolve("agent.yml"),
                "description: " + name + " (real jar, for OrchestratorIT)\n" + "jar: " + jar + "\n"
                        + PackagedManager.builtInJvmArgs(name) + "\n" + extra);
    }

    void awaitHealthy(Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("The manager exited: " + Files.readString(home.resolve("manager.out")));
            }
            try {
                if (http.send(
                                        HttpRequest.newBuilder(URI.create(url + "/actuator/health"))
                                                .build(),
                                        HttpResponse.BodyHandlers.discarding())
                                .statusCode()
                        == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new AssertionError("The manager was not healthy within " + timeout);
    }

    JsonNode post(String path, String body) throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(url + path))
                        .timeout(Duration.ofMinutes(4))
                        .header("Content-Type", "application/json")
                        .header("X-API-Key", apiKey)
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new AssertionError(path + " answered " + response.statusCode() + ": " + response.body());
        }
        return json.readTree(response.body());
    }

    /** Stops the manager with SIGTERM (it stops its agents), kills whatever is left and deletes the folder. */
    @Override
    public void close() throws InterruptedException, IOException {
        List<ProcessHandle> tree = process.descendants().toList();
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        org.springframework.util.FileSystemUtils.deleteRecursively(home);
    }
}
