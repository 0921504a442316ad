package dev.runtimeservice.agent.gpt4.remote;

import dev.runtimeservice.agent.gpt4.generation.FinishReason;
import dev.runtimeservice.agent.gpt4.generation.GenerationCancelledException;
import dev.runtimeservice.agent.gpt4.generation.GenerationRequest;
import dev.runtimeservice.agent.gpt4.generation.GenerationResult;
import dev.runtimeservice.agent.gpt4.generation.ProviderStatus;
import dev.runtimeservice.agent.gpt4.generation.TextProvider;
import dev.runtimeservice.agent.gpt4.generation.TokenSink;
import dev.runtimeservice.agent.gpt4.generation.TokenUsage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** Generates text through any OpenAI-compatible {@code POST <base>/chat/completions}. */
public final class OpenAiCompatibleProvider implements TextProvider {

    private final String model;
    private final String source;
    private final String server;
    private final ChatPayloads payloads;
    private final RetryingCaller caller;

    /**
     * Creates the provider; nothing is sent until the first request.
     *
     * @param settings the server, key, model, timeouts and retries; {@link OpenAiSettings#isConfigured()}
     * @param source where the settings came from, for {@code /status}
     * @param mapper JSON
     */
    public OpenAiCompatibleProvider(OpenAiSettings settings, String source, ObjectMapper mapper) {
        URI base = URI.create(Objects.requireNonNull(settings.baseUrl(), "baseUrl"));
        this.model = Objects.requireNonNull(settings.model(), "model");
        this.source = source;
        this.server = base.getScheme() + "://" + base.getHost() + (base.getPort() < 0 ? "" : ":" + base.getPort());
        this.payloads = new ChatPayloads(mapper, model);
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
        this.caller = new RetryingCaller(http, settings, new ProviderErrors(server, settings.apiKey(), mapper));
    }

    @Override
    public GenerationResult generate(GenerationRequest request, TokenSink sink) {
        if (sink == TokenSink.IGNORE) {
            HttpResponse<String> response =
                    caller.call(payloads.request(request, false), HttpResponse.BodyHandlers.ofString());
            return parse(response.body());
        }
        HttpResponse<InputStream> response =
                caller.call(payloads.request(request, true), HttpResponse.BodyHandlers.ofInputStream());
        return stream(response.body(), sink);
    }

    private GenerationResult parse(String body) {
        JsonNode answer = json(body);
        JsonNode choice = answer.path("choices").path(0);
        JsonNode content = choice.path("message").path("content");
        if (!choice.isObject()) {
            throw caller.errors().malformed("without choices");
        }
        FinishReason reason = ChatPayloads.finishReason(choice);
        return new GenerationResult(
                content.isString() ? content.asString() : "",
                payloads.modelOf(answer),
                reason == null ? FinishReason.STOP : reason,
                ChatPayloads.usage(answer));
    }

    private GenerationResult stream(InputStream body, TokenSink sink) {
        StringBuilder text = new StringBuilder();
        String answeredModel = model;
        FinishReason reason = FinishReason.STOP;
        @Nullable TokenUsage usage = null;
        try (body;
                BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (!line.startsWith("data:")) {
                    continue;
                }
                String data = line.substring(5).strip();
                if ("[DONE]".equals(data)) {
                    break;
                }
                JsonNode chunk = json(data);
                if (chunk.has("error")) {
                    throw caller.errors().malformed("an error in the middle of the stream");
                }
                answeredModel = payloads.modelOf(chunk);
                usage = ChatPayloads.usage(chunk) == null ? usage : ChatPayloads.usage(chunk);
                JsonNode choice = chunk.path("choices").path(0);
                FinishReason finish = ChatPayloads.finishReason(choice);
                reason = finish == null ? reason : finish;
                JsonNode content = choice.path("delta").path("content");
                if (content.isString() && !content.asString().isEmpty()) {
                    text.append(content.asString());
                    deliver(sink, content.asString());
                }
            }
        } catch (IOException e) {
            throw caller.errors()
                    .malformed("a stream that broke off (" + e.getClass().getSimpleName() + ")");
        }
        return new GenerationResult(text.toString(), answeredModel, reason, usage);
    }

    /** Hands text on; when the client is gone, closing the body in {@link #stream} drops the upstream call too. */
    private static void deliver(TokenSink sink, String text) {
        try {
            sink.accept(text);
        } catch (IOException e) {
            throw new GenerationCancelledException(e);
        }
    }

    private JsonNode json(String body) {
        try {
            return payloads.read(body);
        } catch (RuntimeException e) {
            throw caller.errors().malformed("with something that is not JSON");
        }
    }

    @Override
    public ProviderStatus status() {
        return new ProviderStatus(
                "openai-compatible",
                model,
                "chat completions at %s, configured by %s".formatted(server, source),
                null,
                null,
                null);
    }
}
