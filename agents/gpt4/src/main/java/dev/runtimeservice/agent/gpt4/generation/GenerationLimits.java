package dev.runtimeservice.agent.gpt4.generation;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Bounds on every request, whatever the provider.
 *
 * @param maxPromptChars the most characters all messages may hold together
 * @param maxTokens the most tokens one request may ask for
 * @param defaultMaxTokens the tokens asked for when a request names none
 * @param maxStops the most stop texts a request may give
 */
public record GenerationLimits(
        @DefaultValue("32000") @Min(1) int maxPromptChars,
        @DefaultValue("2048") @Min(1) int maxTokens,
        @DefaultValue("256") @Min(1) int defaultMaxTokens,
        @DefaultValue("4") @Min(0) int maxStops) {}
