package dev.runtimeservice.agent.gpt4.generation;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The one entry to generation: checks a request against the limits, then hands it to the
 * configured provider.
 */
public class GenerationService {

    private final TextProvider provider;
    private final GenerationLimits limits;

    /**
     * Creates the service.
     *
     * @param provider the configured provider
     * @param limits the bounds on every request
     */
    public GenerationService(TextProvider provider, GenerationLimits limits) {
        this.provider = provider;
        this.limits = limits;
    }

    /**
     * Checks the options and builds a request.
     *
     * @param messages the conversation
     * @param maxTokens the most tokens to generate, or {@code null} for the default
     * @param temperature sampling temperature, or {@code null}
     * @param topP nucleus sampling, or {@code null}
     * @param seed the sampling seed, or {@code null}
     * @param stop stop texts, or {@code null}
     * @return the request
     * @throws GenerationException when a limit is broken
     */
    public GenerationRequest request(
            List<ChatMessage> messages,
            @Nullable Integer maxTokens,
            @Nullable Double temperature,
            @Nullable Double topP,
            @Nullable Long seed,
            @Nullable List<String> stop) {
        checkMessages(messages);
        int tokens = maxTokens == null ? Math.min(limits.defaultMaxTokens(), limits.maxTokens()) : maxTokens;
        if (tokens < 1 || tokens > limits.maxTokens()) {
            throw GenerationException.badRequest(
                    "max_tokens must be between 1 and %d; it was %d".formatted(limits.maxTokens(), tokens));
        }
        if (temperature != null && (temperature < 0 || temperature > 2)) {
            throw GenerationException.badRequest("temperature must be between 0 and 2; it was " + temperature);
        }
        if (topP != null && (topP <= 0 || topP > 1)) {
            throw GenerationException.badRequest("top_p must be above 0 and at most 1; it was " + topP);
        }
        List<String> stops = stop == null ? List.of() : stop;
        if (stops.size() > limits.maxStops() || stops.stream().anyMatch(String::isEmpty)) {
            throw GenerationException.badRequest("stop takes at most %d non-empty texts".formatted(limits.maxStops()));
        }
        return new GenerationRequest(messages, tokens, temperature, topP, seed, stops);
    }

    /**
     * Generates text.
     *
     * @param request a request built by {@link #request}
     * @param sink receives the text as it is generated
     * @return the finished generation
     */
    public GenerationResult generate(GenerationRequest request, TokenSink sink) {
        return provider.generate(request, sink);
    }

    /**
     * Describes the provider.
     *
     * @return what {@code /status} shows
     */
    public ProviderStatus status() {
        return provider.status();
    }

    private void checkMessages(List<ChatMessage> messages) {
        if (messages.isEmpty()) {
            throw GenerationException.badRequest("Give a prompt (or at least one message) to generate from");
        }
        for (ChatMessage message : messages) {
            if (!ChatMessage.ROLES.contains(message.role())) {
                throw GenerationException.badRequest(
                        "Message role '%s' is not supported; use system, user or assistant".formatted(message.role()));
            }
        }
        long chars = messages.stream()
                .mapToLong(message -> message.content().length())
                .sum();
        if (chars > limits.maxPromptChars()) {
            throw new GenerationException(
                    org.springframework.http.HttpStatus.CONTENT_TOO_LARGE,
                    "The prompt holds %d characters; the limit is %d (gpt4.limits.max-prompt-chars). Shorten it."
                            .formatted(chars, limits.maxPromptChars()));
        }
    }
}
