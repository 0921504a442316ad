package dev.runtimeservice.agent.vfs.it;

import dev.runtimeservice.testsupport.PackagedAgent;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small HTTP client for the tests: requests against one agent, answers with the body as text and JSON. */
final class Http {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final PackagedAgent agent;

    Http(PackagedAgent agent) {
        this.agent = agent;
    }

    /** An answer: status, headers and body. */
    record Answer(int status, String body, HttpResponse<byte[]> raw) {

        JsonNode json() {
            return JSON.readTree(body);
        }

        String header(String name) {
            return raw.headers().firstValue(name).orElse("");
        }

        String detail() {
            return json().path("detail").asString();
        }
    }

    static String q(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    HttpRequest.Builder request(String pathAndQuery) {
        return HttpRequest.newBuilder(agent.uri(pathAndQuery)).timeout(Duration.ofSeconds(30));
    }

    Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<byte[]> raw = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Answer(raw.statusCode(), new String(raw.body(), StandardCharsets.UTF_8), raw);
        } catch (IOException e) {
            throw new AssertionError("request failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    Answer get(String pathAndQuery) {
        return send(request(pathAndQuery).GET());
    }

    Answer put(String path, String content) {
        return send(request("/fs/content?path=" + q(path) + "&parents=true")
                .PUT(HttpRequest.BodyPublishers.ofString(content)));
    }

    Answer post(String pathAndQuery) {
        return send(request(pathAndQuery).POST(HttpRequest.BodyPublishers.noBody()));
    }

    Answer delete(String pathAndQuery) {
        return send(request(pathAndQuery).DELETE());
    }
}
