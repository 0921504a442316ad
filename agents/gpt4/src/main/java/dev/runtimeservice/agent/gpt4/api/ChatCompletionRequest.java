package dev.runtimeservice.agent.gpt4.api;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.runtimeservice.agent.gpt4.generation.ChatMessage;
import dev.runtimeservice.agent.gpt4.generation.GenerationException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Body of {@code POST /v1/chat/completions}, the OpenAI fields the agent honours; others are ignored.
 *
 * @param model the model asked for; the agent answers with the model it serves
 * @param messages the conversation
 * @param maxTokens the most tokens to generate
 * @param maxCompletionTokens the newer name for {@code max_tokens}; wins when both are given
 * @param temperature sampling temperature
 * @param topP nucleus sampling
 * @param seed the sampling seed
 * @param stop one text or a list of texts that end the generation
 * @param n how many answers; only 1 is supported
 * @param stream whether to answer as server-sent events
 * @param streamOptions {@code include_usage} adds a last chunk with the token usage
 */
record ChatCompletionRequest(
        @Nullable String model,
        @NotEmpty List<@Valid @NotNull Message> messages,
        @JsonProperty("max_tokens") @Nullable Integer maxTokens,
        @JsonProperty("max_completion_tokens") @Nullable Integer maxCompletionTokens,
        @Nullable Double temperature,
        @JsonProperty("top_p") @Nullable Double topP,
        @Nullable Long seed,

        @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) @Nullable
        List<String> stop,

        @Nullable Integer n,
        @Nullable Boolean stream,
        @JsonProperty("stream_options") @Nullable StreamOptions streamOptions) {

    /**
     * One message; {@code content} is a text or a list of parts of which the text parts are used.
     *
     * @param role system, developer (as system), user or assistant
     * @param content the text, or the parts
     */
    record Message(@NotNull String role, @Nullable JsonNode content) {

        ChatMessage toChatMessage() {
            String text;
            if (content == null || content.isNull()) {
                text = "";
            } else if (content.isString()) {
                text = content.asString();
            } else if (content.isArray()) {
                StringBuilder parts = new StringBuilder();
                for (JsonNode part : content) {
                    if (!"text".equals(part.path("type").asString(""))) {
                        throw GenerationException.badRequest("Only text content parts are supported; got '%s'"
                                .formatted(part.path("type").asString("")));
                    }
                    parts.append(part.path("text").asString(""));
                }
                text = parts.toString();
            } else {
                throw GenerationException.badRequest("A message's content must be a text or a list of text parts");
            }
            return new ChatMessage("developer".equals(role) ? "system" : role, text);
        }
    }

    /**
     * Streaming options.
     *
     * @param includeUsage whether to send the usage in a last chunk
     */
    record StreamOptions(
            @JsonProperty("include_usage") @Nullable Boolean includeUsage) {}

    List<ChatMessage> chatMessages() {
        return messages.stream().map(Message::toChatMessage).toList();
    }

    @Nullable
    Integer tokenLimit() {
        return maxCompletionTokens != null ? maxCompletionTokens : maxTokens;
    }

    boolean streamed() {
        return Boolean.TRUE.equals(stream);
    }

    boolean usageInStream() {
        return streamOptions != null && Boolean.TRUE.equals(streamOptions.includeUsage());
    }
}
