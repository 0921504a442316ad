package dev.runtimeservice.agent.gpt4.api;

import dev.runtimeservice.agent.gpt4.generation.GenerationCancelledException;
import dev.runtimeservice.agent.gpt4.generation.GenerationException;
import dev.runtimeservice.agent.gpt4.generation.GenerationRequest;
import dev.runtimeservice.agent.gpt4.generation.GenerationResult;
import dev.runtimeservice.agent.gpt4.generation.GenerationService;
import dev.runtimeservice.agent.gpt4.generation.NoProviderException;
import dev.runtimeservice.agent.gpt4.generation.ProviderStatus;
import dev.runtimeservice.agent.gpt4.generation.TokenSink;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.ObjectMapper;

/**
 * Serves the OpenAI-compatible {@code POST /v1/chat/completions} (plain and streamed) and
 * {@code GET /v1/models}, so OpenAI clients can use the agent directly.
 */
@RestController
@RequestMapping("/v1")
class ChatCompletionController {

    private static final Logger log = LoggerFactory.getLogger(ChatCompletionController.class);

    private final GenerationService generation;
    private final ObjectMapper mapper;

    ChatCompletionController(GenerationService generation, ObjectMapper mapper) {
        this.generation = generation;
        this.mapper = mapper;
    }

    @GetMapping("/models")
    Map<String, Object> models() {
        ProviderStatus status = generation.status();
        if (status.model() == null) {
            throw new NoProviderException(status.detail());
        }
        return Map.of(
                "object",
                "list",
                "data",
                List.of(Map.of("id", status.model(), "object", "model", "created", 0, "owned_by", status.provider())));
    }

    /** Answers JSON, or, for {@code "stream": true}, writes server-sent events itself and returns {@code null}. */
    @PostMapping("/chat/completions")
    ChatCompletions.@Nullable Completion complete(
            @Valid @RequestBody ChatCompletionRequest body, HttpServletResponse response) throws IOException {
        if (body.n() != null && body.n() != 1) {
            throw GenerationException.badRequest("Only n = 1 is supported");
        }
        GenerationRequest request = generation.request(
                body.chatMessages(), body.tokenLimit(), body.temperature(), body.topP(), body.seed(), body.stop());
        ChatCompletions completions = ChatCompletions.start(generation.status().model());
        if (!body.streamed()) {
            return completions.completion(generation.generate(request, TokenSink.IGNORE));
        }
        stream(request, completions, body.usageInStream(), response);
        return null;
    }

    private void stream(
            GenerationRequest request, ChatCompletions completions, boolean withUsage, HttpServletResponse response)
            throws IOException {
        SseWriter events = new SseWriter(response, mapper);
        try {
            GenerationResult result =
                    generation.generate(request, token -> events.send(completions.delta(token, events.isStarted())));
            events.send(completions.finish(result.finishReason()));
            if (withUsage) {
                events.send(completions.usage(result.usage()));
            }
            events.done();
        } catch (GenerationCancelledException e) {
            log.debug("Stream {} ended early: the client went away", completions.id());
        } catch (GenerationException e) {
            if (!events.isStarted()) {
                throw e;
            }
            events.send(Map.of("error", Map.of("message", e.getMessage(), "type", "provider_error")));
            events.done();
        }
    }
}
