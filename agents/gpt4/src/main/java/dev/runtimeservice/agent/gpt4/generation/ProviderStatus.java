package dev.runtimeservice.agent.gpt4.generation;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * What {@code /status} says about text generation; never a secret.
 *
 * @param provider {@code openai-compatible}, {@code embedded} or {@code none}
 * @param model the model served, or {@code null} when there is none
 * @param detail a sentence on where it comes from, or how to configure one
 * @param active generations running now, or {@code null} when the agent does not bound them
 * @param queued generations waiting, or {@code null} when the agent does not bound them
 * @param cancelled generations stopped because their client went away, or {@code null} when not counted
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProviderStatus(
        String provider,
        @Nullable String model,
        String detail,
        @Nullable Integer active,
        @Nullable Integer queued,
        @Nullable Long cancelled) {}
