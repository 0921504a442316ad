package dev.runtimeservice.agent.vfs.it;

import static org.awaitility.Awaitility.await;

import dev.runtimeservice.testsupport.TestPorts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.Yaml;

/** The packaged vfs jar run as a real child process on a random free port, as the manager runs it. */
final class AgentProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Process process;
    private final int port;
    private final Path log;

    private AgentProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /**
     * Starts the jar and waits until its readiness probe answers 200, or kills it and fails.
     *
     * @param home the agent's home (AGENT_HOME)
     * @param resourcesJson the "resources" object, written to a file in the manager's format
     * @param env more environment variables (VFS_MAX_FILE_SIZE, ...)
     */
    static AgentProcess start(Path home, String resourcesJson, Map<String, String> env) throws IOException {
        Files.createDirectories(home);
        Path resources = home.resolve("resources.json");
        Files.writeString(resources, "{\"id\":\"it-launch\",\"name\":\"vfs\",\"resources\":" + resourcesJson + "}");
        int port = TestPorts.free();
        Path log = home.resolve("vfs.log");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString()));
        // As the manager does: the JVM's temporary files (Tomcat's docbase, native libraries) stay in the agent's
        // home, which the test deletes, even when the test kills the agent.
        command.add("-Djava.io.tmpdir=" + Files.createDirectories(home.resolve(".tmp")));
        command.addAll(descriptorJvmArgs());
        command.addAll(List.of("-jar", jar()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(Map.of("AGENT_NAME", "vfs", "AGENT_PORT", String.valueOf(port),
                "AGENT_HOME", home.toString(), "AGENT_RESOURCES_FILE", resources.toString()));
        builder.environment().putAll(env);
        AgentProcess agent = new AgentProcess(builder.start(), port, log);
        try {
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).until(agent::ready);
        } catch (RuntimeException | Error e) {
            agent.close();
            throw new AssertionError("vfs did not become ready; its log:\n" + agent.logText(), e);
        }
        return agent;
    }

    private boolean ready() {
        if (!process.isAlive()) {
            throw new IllegalStateException("vfs exited with code " + process.exitValue());
        }
        try {
            HttpResponse<Void> answer = HTTP.send(HttpRequest.newBuilder(uri("/actuator/health/readiness"))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
            return answer.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The agent.yml's jvm-args (Spring AOT and the memory caps): the jar runs here as the manager runs it. */
    @SuppressWarnings("unchecked")
    private static List<String> descriptorJvmArgs() throws IOException {
        Map<String, Object> descriptor = new Yaml().load(Files.readString(Path.of("agent.yml")));
        return (List<String>) descriptor.get("jvm-args");
    }

    private static String jar() {
        String jar = System.getProperty("vfs.jar", "target/vfs-agent.jar");
        if (!Files.isRegularFile(Path.of(jar))) {
            throw new IllegalStateException(jar + " does not exist; run ./mvnw -pl agents/vfs verify");
        }
        return jar;
    }

    URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + port + pathAndQuery);
    }

    int port() {
        return port;
    }

    Process process() {
        return process;
    }

    String logText() {
        try {
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Kills the process at once (SIGKILL on Unix), like a crash, and waits for it to be gone. */
    void kill() {
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        kill();
    }
}
