package dev.runtimeservice.agent.gpt4.embedded;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How to run the model in process ({@code gpt4.embedded.*}).
 *
 * @param modelPath the GGUF file, or {@code null} when there is none; never downloaded
 * @param maxConcurrent how many generations run at once (llama.cpp slots)
 * @param maxQueued how many more may wait for a slot; beyond that requests get 429
 * @param queueTimeout how long a request waits for a slot before it gets 429
 * @param retryAfter what the 429 answer's {@code Retry-After} says
 * @param contextSize tokens of context per slot (prompt plus answer)
 * @param threads CPU threads for generation; 0 means one per core
 * @param ignoreEos keep generating past the model's end-of-text token, up to max_tokens (llama.cpp's
 *     {@code --ignore-eos}: for benchmarks and load tests that need generations of a known length)
 */
public record EmbeddedSettings(
        @Nullable String modelPath,
        @DefaultValue("2") @Min(1) @Max(64) int maxConcurrent,
        @DefaultValue("8") @Min(0) int maxQueued,
        @DefaultValue("30s") @NotNull Duration queueTimeout,
        @DefaultValue("2s") @NotNull Duration retryAfter,
        @DefaultValue("512") @Min(16) int contextSize,
        @DefaultValue("0") @Min(0) int threads,
        @DefaultValue("false") boolean ignoreEos) {

    /**
     * Turns a blank model path into none.
     *
     * @param modelPath the GGUF file
     * @param maxConcurrent generations at once
     * @param maxQueued generations waiting
     * @param queueTimeout the wait for a slot
     * @param retryAfter the Retry-After of a 429
     * @param contextSize tokens per slot
     * @param threads CPU threads
     * @param ignoreEos generate past the end-of-text token
     */
    public EmbeddedSettings {
        modelPath = modelPath == null || modelPath.isBlank() ? null : modelPath.strip();
    }

    /**
     * Returns a copy with another model file.
     *
     * @param path the GGUF file
     * @return the copy
     */
    public EmbeddedSettings withModelPath(String path) {
        return new EmbeddedSettings(
                path, maxConcurrent, maxQueued, queueTimeout, retryAfter, contextSize, threads, ignoreEos);
    }

    /**
     * Returns the CPU threads to use.
     *
     * @return {@link #threads()}, or the number of cores when it is 0
     */
    public int effectiveThreads() {
        return threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
    }
}
