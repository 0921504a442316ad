package dev.runtimeservice.agent.gpt4.generation;

import org.jspecify.annotations.Nullable;

/**
 * A finished generation.
 *
 * @param text the generated text
 * @param model the model that generated it
 * @param finishReason why it ended
 * @param usage token counts, or {@code null} when the provider did not report them
 */
public record GenerationResult(
        String text,
        String model,
        FinishReason finishReason,
        @Nullable TokenUsage usage) {}
