package dev.runtimeservice.agent.gpt4.remote;

import dev.runtimeservice.agent.gpt4.generation.ChatMessage;
import dev.runtimeservice.agent.gpt4.generation.FinishReason;
import dev.runtimeservice.agent.gpt4.generation.GenerationRequest;
import dev.runtimeservice.agent.gpt4.generation.TokenUsage;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Writes chat-completions requests and reads their answers, plain and streamed. */
final class ChatPayloads {

    private final ObjectMapper mapper;
    private final String model;

    ChatPayloads(ObjectMapper mapper, String model) {
        this.mapper = mapper;
        this.model = model;
    }

    String request(GenerationRequest request, boolean stream) {
        ObjectNode body = mapper.createObjectNode();
        body.put("model", model);
        ArrayNode messages = body.putArray("messages");
        for (ChatMessage message : request.messages()) {
            messages.addObject().put("role", message.role()).put("content", message.content());
        }
        body.put("max_tokens", request.maxTokens());
        if (request.temperature() != null) {
            body.put("temperature", request.temperature());
        }
        if (request.topP() != null) {
            body.put("top_p", request.topP());
        }
        if (request.seed() != null) {
            body.put("seed", request.seed());
        }
        if (!request.stop().isEmpty()) {
            ArrayNode stop = body.putArray("stop");
            request.stop().forEach(stop::add);
        }
        body.put("stream", stream);
        if (stream) {
            body.putObject("stream_options").put("include_usage", true);
        }
        return mapper.writeValueAsString(body);
    }

    JsonNode read(String json) {
        return mapper.readTree(json);
    }

    static @Nullable TokenUsage usage(JsonNode answer) {
        JsonNode usage = answer.path("usage");
        if (!usage.isObject() || !usage.path("prompt_tokens").isNumber()) {
            return null;
        }
        return new TokenUsage(
                usage.path("prompt_tokens").asInt(),
                usage.path("completion_tokens").asInt());
    }

    static @Nullable FinishReason finishReason(JsonNode choice) {
        JsonNode reason = choice.path("finish_reason");
        return reason.isString() ? FinishReason.fromOpenAi(reason.asString()) : null;
    }

    String modelOf(JsonNode answer) {
        JsonNode name = answer.path("model");
        return name.isString() && !name.asString().isBlank() ? name.asString() : model;
    }
}
