package dev.runtimeservice.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The agent contract every agent serves, checked on a running agent over real HTTP: {@code GET /} names it,
 * {@code GET /status} reports it running on its port, its A2A card describes it, and {@code GET /shutdown} ends it.
 */
public final class AgentContract {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private AgentContract() {}

    /** Asserts that the agent answers its root, status and card as the contract says. */
    public static void assertServes(PackagedAgent agent, String name) {
        JsonNode root = getJson(agent, "/");
        assertThat(root.path("name").asString()).as("GET / names the agent").isEqualTo(name);
        assertThat(root.has("version")).as("GET / gives its version").isTrue();
        JsonNode status = getJson(agent, "/status");
        assertThat(status.path("port").asInt()).as("GET /status gives its port").isEqualTo(agent.port());
        assertThat(status.path("pid").asLong())
                .as("GET /status gives its pid")
                .isEqualTo(agent.process().pid());
        JsonNode card = getJson(agent, "/.well-known/agent-card.json");
        assertThat(card.path("name").asString())
                .as("the agent card names the agent")
                .isEqualTo(name);
        assertThat(card.path("skills").isArray() && !card.path("skills").isEmpty())
                .as("the agent card lists its skills")
                .isTrue();
    }

    /** Asserts that {@code GET /shutdown} (without a token: none is required) ends the agent's process. */
    public static void assertShutsDown(PackagedAgent agent) {
        try {
            int status = HTTP.send(
                            HttpRequest.newBuilder(agent.uri("/shutdown"))
                                    .timeout(Duration.ofSeconds(5))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding())
                    .statusCode();
            assertThat(status).as("GET /shutdown").isBetween(200, 299);
            assertThat(agent.awaitExit(Duration.ofSeconds(30)))
                    .as("the agent exits after /shutdown")
                    .isTrue();
        } catch (IOException e) {
            throw new AssertionError("GET /shutdown failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private static JsonNode getJson(PackagedAgent agent, String path) {
        try {
            HttpResponse<String> answer = HTTP.send(
                    HttpRequest.newBuilder(agent.uri(path))
                            .timeout(Duration.ofSeconds(5))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as("GET " + path).isEqualTo(200);
            return JSON.readTree(answer.body());
        } catch (IOException e) {
            throw new AssertionError("GET " + path + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
