package dev.runtimeservice.agent.gpt4.api;

import dev.runtimeservice.agent.gpt4.generation.GenerationCancelledException;
import dev.runtimeservice.agent.gpt4.generation.GenerationException;
import dev.runtimeservice.agent.gpt4.generation.GenerationService;
import dev.runtimeservice.agent.gpt4.generation.NoProviderException;
import dev.runtimeservice.agent.gpt4.generation.ProviderStatus;
import dev.runtimeservice.agent.sdk.skill.SkillCancelledException;
import dev.runtimeservice.agent.sdk.skill.Skills;
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
 * Serves the OpenAI-compatible {@code POST /v1/chat/completions} (plain and streamed, through the {@code chat}
 * skill) and {@code GET /v1/models}, so OpenAI clients can use the agent directly.
 */
@RestController
@RequestMapping("/v1")
class ChatCompletionController {

    private static final Logger log = LoggerFactory.getLogger(ChatCompletionController.class);

    private final GenerationService generation;
    private final Skills skills;
    private final ObjectMapper mapper;

    ChatCompletionController(GenerationService generation, Skills skills, ObjectMapper mapper) {
        this.generation = generation;
        this.skills = skills;
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

    /**
     * Answers JSON, or, for {@code "stream": true}, writes server-sent events itself and returns {@code null}; either
     * way through the {@code chat} skill, which A2A calls too.
     */
    @PostMapping("/chat/completions")
    ChatCompletions.@Nullable Completion complete(
            @Valid @RequestBody ChatCompletionRequest body, HttpServletResponse response) throws IOException {
        if (!body.streamed()) {
            return skills.data("chat", body, ChatCompletions.Completion.class);
        }
        stream(body, response);
        return null;
    }

    private void stream(ChatCompletionRequest body, HttpServletResponse response) throws IOException {
        ChatCompletions completions = ChatCompletions.start(generation.status().model());
        SseWriter events = new SseWriter(response, mapper);
        ChunkStream chunks = new ChunkStream(events, completions);
        try {
            ChatCompletions.Completion done = (ChatCompletions.Completion)
                    skills.call("chat", body, chunks).data();
            events.send(completions.finish(done.choices().get(0).finishReason()));
            if (body.usageInStream()) {
                events.send(completions.usage(done.usage()));
            }
            events.done();
        } catch (SkillCancelledException | GenerationCancelledException e) {
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
