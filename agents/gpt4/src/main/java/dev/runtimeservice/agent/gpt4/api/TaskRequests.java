package dev.runtimeservice.agent.gpt4.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.jspecify.annotations.Nullable;

/** Bodies of the task endpoints: summarise, translate and rewrite a text. */
final class TaskRequests {

    private TaskRequests() {}

    /**
     * Body of {@code POST /tasks/summarize}.
     *
     * @param text the text to summarise
     * @param maxWords about how many words the summary may have, or {@code null} for 60
     * @param maxTokens the most tokens to generate, or {@code null}
     * @param temperature sampling temperature, or {@code null}
     * @param seed the sampling seed, or {@code null}
     */
    record Summarize(
            @NotBlank String text,

            @JsonProperty("max_words") @Nullable @Min(5) @Max(1000)
            Integer maxWords,

            @JsonProperty("max_tokens") @Nullable Integer maxTokens,
            @Nullable Double temperature,
            @Nullable Long seed) {}

    /**
     * Body of {@code POST /tasks/translate}.
     *
     * @param text the text to translate
     * @param targetLanguage the language to translate into, such as "English" or "es"
     * @param sourceLanguage the text's language, or {@code null} to let the model tell
     * @param maxTokens the most tokens to generate, or {@code null}
     * @param temperature sampling temperature, or {@code null}
     * @param seed the sampling seed, or {@code null}
     */
    record Translate(
            @NotBlank String text,
            @JsonProperty("target_language") @NotBlank String targetLanguage,
            @JsonProperty("source_language") @Nullable String sourceLanguage,
            @JsonProperty("max_tokens") @Nullable Integer maxTokens,
            @Nullable Double temperature,
            @Nullable Long seed) {}

    /**
     * Body of {@code POST /tasks/rewrite}.
     *
     * @param text the text to rewrite
     * @param instruction how to rewrite it, such as "more formal" or "shorter, for a child"
     * @param maxTokens the most tokens to generate, or {@code null}
     * @param temperature sampling temperature, or {@code null}
     * @param seed the sampling seed, or {@code null}
     */
    record Rewrite(
            @NotBlank String text,
            @NotBlank String instruction,
            @JsonProperty("max_tokens") @Nullable Integer maxTokens,
            @Nullable Double temperature,
            @Nullable Long seed) {}
}
