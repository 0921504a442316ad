package dev.runtimeservice.agent.gpt4.generation;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * How many tokens a generation read and wrote.
 *
 * @param promptTokens tokens of the prompt
 * @param completionTokens tokens generated
 */
public record TokenUsage(
        @JsonProperty("prompt_tokens") int promptTokens,
        @JsonProperty("completion_tokens") int completionTokens) {

    /**
     * Returns the sum.
     *
     * @return prompt plus completion tokens
     */
    @JsonProperty("total_tokens")
    public int totalTokens() {
        return promptTokens + completionTokens;
    }
}
