package dev.runtimeservice.agent.gpt4.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.runtimeservice.agent.gpt4.generation.GenerationResult;
import dev.runtimeservice.agent.gpt4.generation.TokenUsage;
import org.jspecify.annotations.Nullable;

/**
 * Answer of {@code POST /generate} and the task endpoints.
 *
 * @param text the generated text
 * @param model the model that generated it
 * @param finishReason {@code stop} or {@code length}
 * @param usage token counts, or {@code null} when the provider gave none
 */
record GenerateResponse(
        String text,
        String model,
        @JsonProperty("finish_reason") String finishReason,
        @Nullable TokenUsage usage) {

    static GenerateResponse of(GenerationResult result) {
        return new GenerateResponse(
                result.text(), result.model(), result.finishReason().openAiName(), result.usage());
    }
}
