package dev.runtimeservice.agent.gpt4.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.runtimeservice.agent.gpt4.generation.GenerationResult;
import dev.runtimeservice.agent.gpt4.generation.TokenUsage;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Builds one completion's OpenAI-shaped answers: the whole completion, or its stream chunks. */
final class ChatCompletions {

    private final String id;
    private final long created;
    private final String model;

    private ChatCompletions(String id, long created, String model) {
        this.id = id;
        this.created = created;
        this.model = model;
    }

    static ChatCompletions start(@Nullable String model) {
        return new ChatCompletions(
                "chatcmpl-" + UUID.randomUUID().toString().replace("-", ""),
                Instant.now().getEpochSecond(),
                model == null ? "none" : model);
    }

    String id() {
        return id;
    }

    /**
     * A whole {@code chat.completion}.
     *
     * @param id the completion id
     * @param object always {@code chat.completion}
     * @param created seconds since the epoch
     * @param model the model that answered
     * @param choices the one answer
     * @param usage token counts, or {@code null}
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Completion(
            String id,
            String object,
            long created,
            String model,
            List<Choice> choices,
            @Nullable TokenUsage usage) {}

    /**
     * One answer of a completion.
     *
     * @param index always 0
     * @param message the assistant's message
     * @param finishReason why it ended
     * @param logprobs always {@code null}
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Choice(
            int index,
            Map<String, @Nullable Object> message,
            @JsonProperty("finish_reason") String finishReason,
            @Nullable Object logprobs) {}

    Completion completion(GenerationResult result) {
        Map<String, @Nullable Object> message = new HashMap<>();
        message.put("role", "assistant");
        message.put("content", result.text());
        message.put("refusal", null);
        return new Completion(
                id,
                "chat.completion",
                created,
                result.model(),
                List.of(new Choice(0, message, result.finishReason().openAiName(), null)),
                result.usage());
    }

    Map<String, Object> delta(String text, boolean started) {
        Map<String, Object> delta = started ? Map.of("content", text) : Map.of("role", "assistant", "content", text);
        return chunk(List.of(choice(delta, null)), null);
    }

    /** The last chunk with a choice: its finish reason, as the whole completion gives it. */
    Map<String, Object> finish(String finishReason) {
        return chunk(List.of(choice(Map.of(), finishReason)), null);
    }

    Map<String, Object> usage(@Nullable TokenUsage usage) {
        return chunk(List.of(), usage);
    }

    private static Map<String, @Nullable Object> choice(Map<String, Object> delta, @Nullable String finishReason) {
        Map<String, @Nullable Object> choice = new HashMap<>();
        choice.put("index", 0);
        choice.put("delta", delta);
        choice.put("finish_reason", finishReason);
        choice.put("logprobs", null);
        return choice;
    }

    private Map<String, Object> chunk(List<Map<String, @Nullable Object>> choices, @Nullable TokenUsage usage) {
        Map<String, Object> chunk = new HashMap<>();
        chunk.put("id", id);
        chunk.put("object", "chat.completion.chunk");
        chunk.put("created", created);
        chunk.put("model", model);
        chunk.put("choices", choices);
        if (usage != null) {
            chunk.put("usage", usage);
        }
        return chunk;
    }
}
