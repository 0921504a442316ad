package dev.runtimeservice.agent.gpt4.remote;

import dev.runtimeservice.agent.gpt4.generation.GenerationException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;

/**
 * Posts to {@code <base>/chat/completions} with the key, the timeout, and bounded retries with
 * exponential backoff on 429, 5xx and failed connections; only a success is returned.
 */
final class RetryingCaller {

    private static final Logger log = LoggerFactory.getLogger(RetryingCaller.class);
    private static final int MAX_ERROR_BODY = 16 * 1024;

    private final HttpClient http;
    private final OpenAiSettings settings;
    private final ProviderErrors errors;
    private final URI endpoint;

    RetryingCaller(HttpClient http, OpenAiSettings settings, ProviderErrors errors) {
        this.http = http;
        this.settings = settings;
        this.errors = errors;
        this.endpoint = URI.create(Objects.requireNonNull(settings.baseUrl()) + "/chat/completions");
    }

    ProviderErrors errors() {
        return errors;
    }

    <T> HttpResponse<T> call(String body, HttpResponse.BodyHandler<T> handler) {
        int attempts = settings.maxRetries() + 1;
        for (int attempt = 1; ; attempt++) {
            Outcome<T> outcome = attempt(body, handler);
            ProviderErrors.Failure failure = outcome.failure();
            if (failure == null) {
                return Objects.requireNonNull(outcome.response());
            }
            if (!failure.retriable()) {
                throw failure.answer();
            }
            if (attempt == attempts) {
                throw errors.exhausted(failure, attempts);
            }
            Duration wait = backoff(attempt, failure.retryAfter());
            log.warn(
                    "Provider call failed ({}); retry {} of {} in {} ms",
                    failure.getMessage(),
                    attempt,
                    settings.maxRetries(),
                    wait.toMillis());
            pause(wait);
        }
    }

    /** One attempt's success or failure. */
    private record Outcome<T>(@Nullable HttpResponse<T> response, ProviderErrors.@Nullable Failure failure) {}

    private <T> Outcome<T> attempt(String body, HttpResponse.BodyHandler<T> handler) {
        try {
            HttpResponse<T> response = http.send(request(body), handler);
            if (response.statusCode() / 100 == 2) {
                return new Outcome<>(response, null);
            }
            return new Outcome<>(
                    null,
                    errors.fromStatus(
                            response.statusCode(),
                            response.headers().firstValue("Retry-After"),
                            text(response.body())));
        } catch (IOException e) {
            return new Outcome<>(null, errors.fromIo(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GenerationException(HttpStatus.SERVICE_UNAVAILABLE, "Interrupted while calling the provider");
        }
    }

    private HttpRequest request(String body) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(endpoint)
                .timeout(settings.requestTimeout())
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        String key = settings.apiKey();
        if (key != null) {
            boolean bearer = "Authorization".equalsIgnoreCase(settings.apiKeyHeader());
            builder.header(settings.apiKeyHeader(), bearer ? "Bearer " + key : key);
        }
        return builder.build();
    }

    Duration backoff(int attempt, @Nullable Duration retryAfter) {
        Duration wait = retryAfter != null
                ? retryAfter
                : settings.initialBackoff().multipliedBy(1L << Math.min(attempt - 1, 20));
        return wait.compareTo(settings.maxBackoff()) > 0 ? settings.maxBackoff() : wait;
    }

    private static String text(Object body) throws IOException {
        if (body instanceof String text) {
            return text;
        }
        if (body instanceof InputStream stream) {
            try (stream) {
                return new String(stream.readNBytes(MAX_ERROR_BODY), StandardCharsets.UTF_8);
            }
        }
        return "";
    }

    private static void pause(Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GenerationException(HttpStatus.SERVICE_UNAVAILABLE, "Interrupted while waiting to retry");
        }
    }
}
