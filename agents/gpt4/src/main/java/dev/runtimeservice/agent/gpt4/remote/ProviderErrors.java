package dev.runtimeservice.agent.gpt4.remote;

import dev.runtimeservice.agent.gpt4.generation.GenerationException;
import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The one place that turns a remote provider's failures into answers a caller can act on, and
 * says which of them are worth a retry. No message ever quotes the API key.
 */
final class ProviderErrors {

    private static final int MAX_QUOTED = 300;

    private final String server;
    private final @Nullable String apiKey;
    private final ObjectMapper mapper;

    ProviderErrors(String server, @Nullable String apiKey, ObjectMapper mapper) {
        this.server = server;
        this.apiKey = apiKey;
        this.mapper = mapper;
    }

    /** A failed HTTP answer, with whether a retry may help and when. */
    static final class Failure extends Exception {

        private final GenerationException answer;
        private final boolean retriable;
        private final @Nullable Duration retryAfter;

        Failure(GenerationException answer, boolean retriable, @Nullable Duration retryAfter) {
            super(answer.getMessage(), null, false, false);
            this.answer = answer;
            this.retriable = retriable;
            this.retryAfter = retryAfter;
        }

        GenerationException answer() {
            return answer;
        }

        boolean retriable() {
            return retriable;
        }

        @Nullable
        Duration retryAfter() {
            return retryAfter;
        }
    }

    Failure fromStatus(int status, Optional<String> retryAfterHeader, String body) {
        Duration retryAfter = retryAfterHeader.flatMap(ProviderErrors::seconds).orElse(null);
        return switch (status) {
            case 401, 403 ->
                new Failure(
                        new GenerationException(
                                HttpStatus.BAD_GATEWAY,
                                ("The provider at %s refused "
                                                + "the API key (HTTP %d). Set a valid key in the 'openai' resource's api_key or in "
                                                + "GPT4_OPENAI_API_KEY.")
                                        .formatted(server, status)),
                        false,
                        null);
            case 404 ->
                new Failure(
                        new GenerationException(
                                HttpStatus.BAD_GATEWAY,
                                ("The provider at %s has no such "
                                                + "endpoint or model (HTTP 404: %s). Check the base URL (it usually ends in /v1) and the model name.")
                                        .formatted(server, quote(body))),
                        false,
                        null);
            case 429 ->
                new Failure(
                        GenerationException.busy(
                                "The provider at %s is limiting requests (HTTP 429: %s). "
                                                .formatted(server, quote(body))
                                        + "Retry later.",
                                retryAfter == null ? Duration.ofSeconds(5) : retryAfter),
                        true,
                        retryAfter);
            default ->
                status >= 500
                        ? new Failure(
                                new GenerationException(
                                        HttpStatus.BAD_GATEWAY,
                                        "The provider at %s failed (HTTP %d: %s)."
                                                        .formatted(server, status, quote(body))
                                                + " Retry later or check the server."),
                                true,
                                retryAfter)
                        : new Failure(
                                GenerationException.badRequest("The provider at %s refused the request (HTTP %d: %s)."
                                                .formatted(server, status, quote(body))
                                        + " Change the request's options."),
                                false,
                                null);
        };
    }

    Failure fromIo(IOException e) {
        if (e instanceof HttpTimeoutException) {
            return new Failure(
                    new GenerationException(
                            HttpStatus.GATEWAY_TIMEOUT,
                            ("The provider at %s did not answer "
                                            + "in time (gpt4.openai.request-timeout). Retry, or ask for fewer tokens.")
                                    .formatted(server)),
                    false,
                    null);
        }
        return new Failure(
                new GenerationException(
                        HttpStatus.BAD_GATEWAY,
                        ("Cannot reach the provider at %s (%s). "
                                        + "Check its base URL and that the server is running.")
                                .formatted(server, e.getClass().getSimpleName())),
                true,
                null);
    }

    GenerationException malformed(String what) {
        return new GenerationException(
                HttpStatus.BAD_GATEWAY,
                "The provider at %s answered %s; is it OpenAI-compatible?".formatted(server, what));
    }

    GenerationException exhausted(Failure last, int attempts) {
        GenerationException answer = last.answer();
        return new GenerationException(
                answer.status(),
                answer.getMessage() + " (gave up after %d attempts)".formatted(attempts),
                answer.retryAfter());
    }

    /** Quotes the provider's own error message, shortened, with the key blanked out. */
    private String quote(String body) {
        String message = body;
        try {
            JsonNode error = mapper.readTree(body).path("error");
            JsonNode text = error.isObject() ? error.path("message") : error;
            if (text.isString()) {
                message = text.asString();
            }
        } catch (RuntimeException notJson) {
            // The body is not JSON: quote it as it is.
        }
        if (apiKey != null) {
            message = message.replace(apiKey, "****");
        }
        message = message.strip().replaceAll("\\s+", " ");
        return message.length() > MAX_QUOTED ? message.substring(0, MAX_QUOTED) + "…" : message;
    }

    private static Optional<Duration> seconds(String header) {
        try {
            return Optional.of(Duration.ofSeconds(Long.parseLong(header.strip())));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
