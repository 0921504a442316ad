package dev.runtimeservice.agent.gpt4.provider;

import java.net.URI;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Reads the launch's resources that configure a provider: {@code openai}
 * ({@code {"base_url","api_key","model"}}) and {@code gguf} ({@code {"model_path"}}).
 */
final class LaunchResources {

    static final String OPENAI = "openai";
    static final String GGUF = "gguf";

    private LaunchResources() {}

    /**
     * An {@code openai} resource's fields, or why it cannot be used.
     *
     * @param baseUrl the base URL
     * @param apiKey the key, or {@code null}
     * @param model the model
     * @param problem why it cannot be used, or {@code null} when it can
     */
    record OpenAi(
            String baseUrl,
            @Nullable String apiKey,
            String model,
            @Nullable String problem) {}

    static OpenAi openAi(JsonNode value) {
        String baseUrl = text(value, "base_url");
        String model = text(value, "model");
        String apiKey = text(value, "api_key");
        String problem = null;
        if (baseUrl == null) {
            problem = "the 'base_url' field is missing; give the server's URL, such as https://api.openai.com/v1";
        } else if (!isHttp(baseUrl)) {
            problem = "the 'base_url' field is not an http:// or https:// URL";
        } else if (model == null) {
            problem = "the 'model' field is missing; name the model to use, such as gpt-4o-mini";
        }
        return new OpenAi(baseUrl == null ? "" : baseUrl, apiKey, model == null ? "" : model, problem);
    }

    static Optional<String> modelPath(JsonNode value) {
        return Optional.ofNullable(text(value, "model_path"));
    }

    private static @Nullable String text(JsonNode value, String field) {
        JsonNode node = value.path(field);
        return node.isString() && !node.asString().isBlank() ? node.asString().strip() : null;
    }

    private static boolean isHttp(String url) {
        try {
            URI uri = URI.create(url);
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
