package dev.runtimeservice.agent.gpt4.api;

import dev.runtimeservice.agent.gpt4.generation.ChatMessage;
import dev.runtimeservice.agent.gpt4.generation.GenerationRequest;
import dev.runtimeservice.agent.gpt4.generation.GenerationService;
import dev.runtimeservice.agent.gpt4.generation.TokenSink;
import jakarta.validation.Valid;
import java.util.ArrayList;
import java.util.List;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Serves {@code POST /generate}: a prompt in, the generated text out. */
@RestController
class GenerateController {

    private final GenerationService generation;

    GenerateController(GenerationService generation) {
        this.generation = generation;
    }

    @PostMapping("/generate")
    GenerateResponse generate(@Valid @RequestBody GenerateRequest body) {
        List<ChatMessage> messages = new ArrayList<>();
        if (body.system() != null && !body.system().isBlank()) {
            messages.add(ChatMessage.system(body.system()));
        }
        messages.add(ChatMessage.user(body.prompt()));
        GenerationRequest request = generation.request(messages, body.maxTokens(), body.temperature(), null,
                body.seed(), body.stop());
        return GenerateResponse.of(generation.generate(request, TokenSink.IGNORE));
    }
}
