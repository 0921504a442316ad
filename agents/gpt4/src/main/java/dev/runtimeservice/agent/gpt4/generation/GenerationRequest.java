package dev.runtimeservice.agent.gpt4.generation;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What to generate: a conversation and the sampling options, already checked against the limits.
 *
 * @param messages the conversation, never empty
 * @param maxTokens the most tokens to generate
 * @param temperature sampling temperature, or {@code null} for the provider's default
 * @param topP nucleus sampling, or {@code null} for the provider's default
 * @param seed the sampling seed, or {@code null} for a random one
 * @param stop texts that end the generation; not part of the answer
 */
public record GenerationRequest(
        List<ChatMessage> messages,
        int maxTokens,
        @Nullable Double temperature,
        @Nullable Double topP,
        @Nullable Long seed,
        List<String> stop) {

    /**
     * Copies the lists.
     *
     * @param messages the conversation
     * @param maxTokens the most tokens to generate
     * @param temperature sampling temperature, or {@code null}
     * @param topP nucleus sampling, or {@code null}
     * @param seed the sampling seed, or {@code null}
     * @param stop texts that end the generation
     */
    public GenerationRequest {
        messages = List.copyOf(messages);
        stop = List.copyOf(stop);
    }
}
