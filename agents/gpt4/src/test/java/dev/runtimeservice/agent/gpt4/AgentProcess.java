package dev.runtimeservice.agent.gpt4;

import dev.runtimeservice.testsupport.TestPorts;
import java.io.IOException;
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
import java.util.concurrent.TimeUnit;
import org.yaml.snakeyaml.Yaml;

/** The packaged gpt4 jar run as a real child process on a free port; closing it kills it. */
final class AgentProcess implements AutoCloseable {

    private final Process process;
    private final int port;
    private final Path log;

    private AgentProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    static AgentProcess start(Path home, Map<String, String> environment) throws IOException {
        String jar = System.getProperty("gpt4.jar");
        if (jar == null || !Files.isRegularFile(Path.of(jar))) {
            throw new IllegalStateException("System property gpt4.jar must name the packaged jar; run the *IT tests "
                    + "through Maven's verify phase");
        }
        int port = TestPorts.free();
        Files.createDirectories(home);
        Path log = home.resolve("agent.log");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString()));
        // As the manager does: the JVM's temporary files (Tomcat's docbase, native libraries) stay in the agent's
        // home, which the test deletes, even when the test kills the agent.
        command.add("-Djava.io.tmpdir=" + Files.createDirectories(home.resolve(".tmp")));
        command.addAll(descriptorJvmArgs());
        command.addAll(List.of("-Dde.kherud.llama.tmpdir=" + home, "-jar", jar));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile()).directory(home.toFile());
        builder.environment().put("AGENT_PORT", Integer.toString(port));
        builder.environment().put("AGENT_HOME", home.toString());
        builder.environment().putAll(environment);
        return new AgentProcess(builder.start(), port, log);
    }

    /** The agent.yml's jvm-args (Spring AOT and the memory caps): the jar runs here as the manager runs it. */
    @SuppressWarnings("unchecked")
    private static List<String> descriptorJvmArgs() throws IOException {
        Map<String, Object> descriptor = new Yaml().load(Files.readString(Path.of("agent.yml")));
        return (List<String>) descriptor.get("jvm-args");
    }

    int port() {
        return port;
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    String log() throws IOException {
        return Files.readString(log);
    }

    void awaitReady(Duration timeout) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("gpt4 exited with " + process.exitValue() + ":\n" + log());
            }
            try {
                HttpResponse<Void> answer = http.send(HttpRequest.newBuilder(URI.create(url()
                        + "/actuator/health/readiness")).build(), HttpResponse.BodyHandlers.discarding());
                if (answer.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // Not listening yet.
            }
            process.waitFor(200, TimeUnit.MILLISECONDS);
        }
        throw new IllegalStateException("gpt4 was not ready within " + timeout + ":\n" + log());
    }

    @Override
    public void close() throws InterruptedException {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
