package dev.runtimeservice.agent.gpt4.api;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotBlank;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Body of {@code POST /generate}.
 *
 * @param prompt what to generate from
 * @param system an optional system prompt
 * @param maxTokens the most tokens to generate, or {@code null} for the default
 * @param temperature sampling temperature (0 to 2), or {@code null}
 * @param seed the sampling seed, or {@code null}; a fixed seed gives the same text from the in-process model
 * @param stop one text or a list of texts that end the generation
 */
record GenerateRequest(
        @NotBlank String prompt,
        @Nullable String system,
        @JsonProperty("max_tokens") @Nullable Integer maxTokens,
        @Nullable Double temperature,
        @Nullable Long seed,

        @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) @Nullable
        List<String> stop) {}
