package dev.runtimeservice.agent.kendra;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtimeservice.testsupport.AgentContract;
import dev.runtimeservice.testsupport.PackagedAgent;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The packaged jar as a real process: every acknowledged document survives a kill -9. */
class DurabilityIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path home;

    private final List<PackagedAgent> agents = new ArrayList<>();

    @AfterEach
    void killEveryProcess() {
        agents.forEach(PackagedAgent::close);
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

        assertThat(agents.get(0).kill()).isEqualTo(137);

        String second = start();
        for (String id : acknowledged) {
            assertThat(get(second + "/documents/" + id).statusCode()).as(id).isEqualTo(200);
        }
        JsonNode search =
                JSON.readTree(get(second + "/search?q=durable&mode=keyword").body());
        assertThat(search.get("total").asInt()).isEqualTo(acknowledged.size());
        AgentContract.assertServes(agents.get(1), "kendra");
        AgentContract.assertShutsDown(agents.get(1));
    }

    private String start() throws IOException {
        PackagedAgent agent = PackagedAgent.of("kendra", Path.of("target", "kendra-agent.jar"))
                .descriptor(Path.of("agent.yml").toAbsolutePath())
                .home(home)
                .start();
        agents.add(agent);
        agent.awaitReady(Duration.ofMinutes(3));
        return agent.url();
    }

    private static String batch(int batch) {
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < 40; i++) {
            json.append(i > 0 ? "," : "")
                    .append("{\"id\": \"doc-%d-%d\", \"text\": \"durable document %d of batch %d\"}"
                            .formatted(batch, i, i, batch));
        }
        return json.append("]").toString();
    }

    private static HttpResponse<String> post(String url, String json) throws IOException, InterruptedException {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(url))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
