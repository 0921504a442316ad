package dev.runtimeservice.agent.kendra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The packaged jar as a real process: every acknowledged document survives a kill -9. */
class DurabilityIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path home;

    private final List<Process> processes = new ArrayList<>();

    @AfterEach
    void killEveryProcess() throws InterruptedException {
        for (Process process : processes) {
            process.destroyForcibly().waitFor();
        }
    }

    @Test
    void everyAcknowledgedDocumentIsFoundAfterAKillNineAndARestart() throws Exception {
        String first = start();
        List<String> acknowledged = new ArrayList<>();
        for (int batch = 0; batch < 3; batch++) {
            HttpResponse<String> answer = post(first + "/documents", batch(batch));
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(answer.body()).get("indexed").asInt()).isEqualTo(40);
            for (int i = 0; i < 40; i++) {
                acknowledged.add("doc-%d-%d".formatted(batch, i));
            }
        }

        Process killed = processes.get(0);
        killed.destroyForcibly();
        assertThat(killed.waitFor()).isEqualTo(137);

        String second = start();
        for (String id : acknowledged) {
            assertThat(get(second + "/documents/" + id).statusCode()).as(id).isEqualTo(200);
        }
        JsonNode search = JSON.readTree(get(second + "/search?q=durable&mode=keyword").body());
        assertThat(search.get("total").asInt()).isEqualTo(acknowledged.size());
    }

    private String start() throws IOException {
        int port = TestPorts.free();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString()));
        // As the manager does: the JVM's temporary files (Tomcat's docbase, native libraries) stay in the agent's
        // home, which the test deletes, even when the test kills the agent.
        command.add("-Djava.io.tmpdir=" + Files.createDirectories(home.resolve(".tmp")));
        command.addAll(descriptorJvmArgs());
        command.addAll(List.of("-jar", Path.of("target", "kendra-agent.jar").toString()));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("AGENT_PORT", Integer.toString(port));
        builder.environment().put("AGENT_HOME", home.toString());
        builder.redirectErrorStream(true).redirectOutput(home.resolve("agent-" + port + ".log").toFile());
        Process process = builder.start();
        processes.add(process);
        String base = "http://127.0.0.1:" + port;
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(250)).until(() -> {
            assertThat(process.isAlive()).as("the agent exited; see its log in " + home).isTrue();
            return isReady(base);
        });
        return base;
    }

    /** The agent.yml's jvm-args (Spring AOT and the memory caps): the jar runs here as the manager runs it. */
    @SuppressWarnings("unchecked")
    private static List<String> descriptorJvmArgs() throws IOException {
        Map<String, Object> descriptor = new Yaml().load(Files.readString(Path.of("agent.yml")));
        return (List<String>) descriptor.get("jvm-args");
    }

    private static boolean isReady(String base) {
        try {
            return get(base + "/actuator/health/readiness").statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String batch(int batch) {
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < 40; i++) {
            json.append(i > 0 ? "," : "").append("{\"id\": \"doc-%d-%d\", \"text\": \"durable document %d of batch %d\"}"
                    .formatted(batch, i, i, batch));
        }
        return json.append("]").toString();
    }

    private static HttpResponse<String> post(String url, String json) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
