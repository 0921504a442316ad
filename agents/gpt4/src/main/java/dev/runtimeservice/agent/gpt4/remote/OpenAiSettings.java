package dev.runtimeservice.agent.gpt4.remote;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How to reach an OpenAI-compatible server ({@code gpt4.openai.*}); {@link #toString()} hides the key.
 *
 * @param baseUrl the API's base URL, such as {@code https://api.openai.com/v1}, or {@code null}
 * @param apiKey the API key, or {@code null} for servers that need none
 * @param model the model to ask for, or {@code null}
 * @param apiKeyHeader the header that carries the key: {@code Authorization} sends {@code Bearer <key>},
 *     any other name (such as Azure's {@code api-key}) sends the key as it is
 * @param connectTimeout how long to wait for a connection
 * @param requestTimeout how long to wait for an answer (for a stream: for its first byte)
 * @param maxRetries how many times to retry after a 429, a 5xx or a failed connection
 * @param initialBackoff the wait before the first retry; it doubles for each next one
 * @param maxBackoff the longest wait between retries, also the cap on a provider's Retry-After
 */
public record OpenAiSettings(
        @Nullable String baseUrl,
        @Nullable String apiKey,
        @Nullable String model,
        @DefaultValue("Authorization") @NotBlank String apiKeyHeader,
        @DefaultValue("10s") @NotNull Duration connectTimeout,
        @DefaultValue("120s") @NotNull Duration requestTimeout,
        @DefaultValue("3") @Min(0) @Max(10) int maxRetries,
        @DefaultValue("500ms") @NotNull Duration initialBackoff,
        @DefaultValue("8s") @NotNull Duration maxBackoff) {

    /**
     * Turns blank texts into none and drops a trailing slash from the base URL.
     *
     * @param baseUrl the base URL
     * @param apiKey the API key
     * @param model the model
     * @param apiKeyHeader the key's header
     * @param connectTimeout the connection timeout
     * @param requestTimeout the answer timeout
     * @param maxRetries the retries
     * @param initialBackoff the first wait
     * @param maxBackoff the longest wait
     */
    public OpenAiSettings {
        baseUrl = blankToNull(baseUrl);
        if (baseUrl != null && baseUrl.endsWith("/")) {
            baseUrl = baseUrl.substring(0, baseUrl.length() - 1);
        }
        apiKey = blankToNull(apiKey);
        model = blankToNull(model);
    }

    /**
     * Tells whether a base URL and a model are set.
     *
     * @return {@code true} when the provider can be used
     */
    public boolean isConfigured() {
        return baseUrl != null && model != null;
    }

    /**
     * Returns a copy that reaches another server.
     *
     * @param newBaseUrl the base URL
     * @param newApiKey the key, or {@code null}
     * @param newModel the model
     * @return the copy, with the same timeouts and retries
     */
    public OpenAiSettings withServer(String newBaseUrl, @Nullable String newApiKey, String newModel) {
        return new OpenAiSettings(
                newBaseUrl,
                newApiKey,
                newModel,
                apiKeyHeader,
                connectTimeout,
                requestTimeout,
                maxRetries,
                initialBackoff,
                maxBackoff);
    }

    /** Describes the settings without the key. */
    @Override
    public String toString() {
        return "OpenAiSettings[baseUrl=%s, apiKey=%s, model=%s, maxRetries=%d]"
                .formatted(baseUrl, apiKey == null ? "none" : "****", model, maxRetries);
    }

    private static @Nullable String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
