package dev.runtimeservice.agent.sdk.standby;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runtimeservice.agent.sdk.testapp.TestAgentApplication;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real JVM in warm standby: it warms up without taking the agent's port, starts the agent on the start line, and
 * ends without starting it when its input closes.
 */
class StandbyMainTests {

    private static final Duration WARM_UP = Duration.ofSeconds(90);
    private final HttpClient http = HttpClient.newHttpClient();
    private Process process;

    @TempDir
    Path home;

    @AfterEach
    void kill() throws InterruptedException {
        if (process != null) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void warmsUpOffTheAgentsPortThenStartsTheAgentOnTheStartLine() throws Exception {
        int port = freePort();
        Path warm = home.resolve("warm");
        Path output = home.resolve("output.log");
        process = standby(warm, port, output);
        awaitFile(warm);
        assertThat(Files.readString(warm)).isEqualTo(Long.toString(process.pid()));
        assertThatThrownBy(() -> get(port, "/status")).isInstanceOf(ConnectException.class);
        assertThat(home.resolve("agent/.tmp/standby-warm-up")).doesNotExist();

        long startLine = System.currentTimeMillis();
        try (OutputStream input = process.getOutputStream()) {
            input.write("start\n".getBytes(StandardCharsets.US_ASCII));
        }
        awaitReady(port);
        String status = get(port, "/status").body();
        assertThat(status)
                .contains("\"name\":\"standby-agent\"")
                .contains("\"pid\":" + process.pid())
                .contains("\"port\":" + port);
        long startedAt = java.time.Instant.parse(status.replaceAll(".*\"started_at\":\"([^\"]+)\".*", "$1"))
                .toEpochMilli();
        assertThat(startedAt).isGreaterThanOrEqualTo(startLine - 1000);
        // The warm-up logs errors only: the agent's own start-up is in the log once.
        List<String> ready = Files.readAllLines(output).stream()
                .filter(line -> line.contains("StartupLog"))
                .toList();
        assertThat(ready).hasSize(1);
        assertThat(ready.get(0)).contains("Agent standby-agent ready on port " + port + " (pid " + process.pid() + ")");
        assertThat(process.isAlive()).isTrue();
    }

    @Test
    void endsWithoutStartingTheAgentWhenItsInputCloses() throws Exception {
        int port = freePort();
        process = standby(home.resolve("warm"), port, home.resolve("output.log"));
        process.getOutputStream().close();
        assertThat(process.waitFor(WARM_UP.toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isZero();
        assertThatThrownBy(() -> get(port, "/status")).isInstanceOf(ConnectException.class);
    }

    @Test
    void theWarmUpRunsTheAgentOnAnyPortAndLeavesNoPropertyOrFolderBehind() throws Exception {
        var before = new java.util.HashMap<>(System.getProperties());
        StandbyMain.warmUp(TestAgentApplication.class, new String[0]);
        // Tomcat sets catalina.base while it starts; the agent's own Tomcat must not inherit the warm-up's.
        assertThat(new java.util.HashMap<>(System.getProperties())).isEqualTo(before);
        assertThat(Path.of(System.getProperty("java.io.tmpdir"), "standby-warm-up"))
                .doesNotExist();
        assertThat(StandbyMain.startedAt()).isEmpty();
    }

    private Process standby(Path warm, int port, Path output) throws IOException {
        Path agentHome = Files.createDirectories(home.resolve("agent"));
        Path temp = Files.createDirectories(agentHome.resolve(".tmp"));
        ProcessBuilder builder = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Djava.io.tmpdir=" + temp,
                        "-XX:TieredStopAtLevel=1",
                        "-cp",
                        System.getProperty("java.class.path"),
                        StandbyMain.class.getName(),
                        warm.toString(),
                        TestAgentApplication.class.getName())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile());
        builder.environment().put("AGENT_NAME", "standby-agent");
        builder.environment().put("AGENT_PORT", Integer.toString(port));
        builder.environment().put("AGENT_HOME", agentHome.toString());
        return builder.start();
    }

    private void awaitFile(Path file) throws InterruptedException {
        long deadline = System.nanoTime() + WARM_UP.toNanos();
        while (!Files.exists(file) && System.nanoTime() < deadline && process.isAlive()) {
            Thread.sleep(50);
        }
        assertThat(file).exists();
    }

    private void awaitReady(int port) throws Exception {
        long deadline = System.nanoTime() + WARM_UP.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (get(port, "/actuator/health/readiness").statusCode() == 200) {
                    return;
                }
            } catch (ConnectException e) {
                // Not listening yet.
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the agent did not become ready on port " + port);
    }

    private HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
