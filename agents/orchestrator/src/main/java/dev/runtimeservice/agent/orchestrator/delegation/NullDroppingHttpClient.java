package dev.runtimeservice.agent.orchestrator.delegation;

import io.a2a.client.http.A2AHttpClient;
import io.a2a.client.http.A2AHttpResponse;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JDK HTTP client of the A2A SDK, with the {@code null} members taken out of every JSON-RPC answer before the
 * client reads it. Why: 1.0.0.Alpha3's client fails with a NullPointerException on a data part that holds a
 * {@code null} (it copies a protobuf Struct into a map that refuses nulls), and agents do answer such parts (vfs's
 * {@code vfs.read} has {@code "base64": null}). In A2A's JSON a member set to null and a member left out mean the
 * same, so nothing is lost.
 */
final class NullDroppingHttpClient implements A2AHttpClient {

    private final A2AHttpClient http;
    private final JsonMapper json;

    NullDroppingHttpClient(A2AHttpClient http, JsonMapper json) {
        this.http = http;
        this.json = json;
    }

    @Override
    public GetBuilder createGet() {
        return http.createGet();
    }

    @Override
    public DeleteBuilder createDelete() {
        return http.createDelete();
    }

    @Override
    public PostBuilder createPost() {
        PostBuilder post = http.createPost();
        return new PostBuilder() {
            @Override
            public PostBuilder url(String url) {
                post.url(url);
                return this;
            }

            @Override
            public PostBuilder addHeaders(Map<String, String> headers) {
                post.addHeaders(headers);
                return this;
            }

            @Override
            public PostBuilder addHeader(String name, String value) {
                post.addHeader(name, value);
                return this;
            }

            @Override
            public PostBuilder body(String body) {
                post.body(body);
                return this;
            }

            @Override
            public A2AHttpResponse post() throws IOException, InterruptedException {
                A2AHttpResponse response = post.post();
                String body = withoutNulls(response.body());
                return new A2AHttpResponse() {
                    @Override
                    public int status() {
                        return response.status();
                    }

                    @Override
                    public boolean success() {
                        return response.success();
                    }

                    @Override
                    public String body() {
                        return body;
                    }
                };
            }

            @Override
            public CompletableFuture<Void> postAsyncSSE(
                    Consumer<String> messages, Consumer<Throwable> errors, Runnable done)
                    throws IOException, InterruptedException {
                return post.postAsyncSSE(messages, errors, done);
            }
        };
    }

    String withoutNulls(String body) {
        try {
            JsonNode tree = json.readTree(body);
            drop(tree);
            return json.writeValueAsString(tree);
        } catch (JacksonException notJson) {
            return body; // the client reports what is wrong with it
        }
    }

    private static void drop(JsonNode node) {
        if (node instanceof ObjectNode object) {
            java.util.List<String> nulls = new java.util.ArrayList<>();
            object.properties().forEach(member -> {
                if (member.getValue().isNull()) {
                    nulls.add(member.getKey());
                }
            });
            object.remove(nulls);
        }
        node.values().forEach(NullDroppingHttpClient::drop);
    }
}
