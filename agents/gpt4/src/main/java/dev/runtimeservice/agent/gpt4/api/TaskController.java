package dev.runtimeservice.agent.gpt4.api;

import dev.runtimeservice.agent.gpt4.generation.ChatMessage;
import dev.runtimeservice.agent.gpt4.generation.GenerationService;
import dev.runtimeservice.agent.gpt4.generation.TokenSink;
import jakarta.validation.Valid;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Serves the summarise, translate and rewrite skills: each turns its fields into instructions for
 * the configured model. How well it follows them is the model's doing, not the agent's.
 */
@RestController
@RequestMapping("/tasks")
class TaskController {

    private final GenerationService generation;

    TaskController(GenerationService generation) {
        this.generation = generation;
    }

    @PostMapping("/summarize")
    GenerateResponse summarize(@Valid @RequestBody TaskRequests.Summarize body) {
        int words = body.maxWords() == null ? 60 : body.maxWords();
        String system = ("You summarise texts. Answer with a summary of at most %d words, in the text's own language, "
                + "and nothing else.").formatted(words);
        return run(system, body.text(), body.maxTokens(), body.temperature(), body.seed());
    }

    @PostMapping("/translate")
    GenerateResponse translate(@Valid @RequestBody TaskRequests.Translate body) {
        String from = body.sourceLanguage() == null || body.sourceLanguage().isBlank() ? ""
                : " from " + body.sourceLanguage().strip();
        String system = ("You translate texts%s into %s. Answer with the translation only, keeping the meaning, "
                + "tone and formatting.").formatted(from, body.targetLanguage().strip());
        return run(system, body.text(), body.maxTokens(), body.temperature(), body.seed());
    }

    @PostMapping("/rewrite")
    GenerateResponse rewrite(@Valid @RequestBody TaskRequests.Rewrite body) {
        String system = ("You rewrite texts as asked: %s. Keep the meaning. Answer with the rewritten text only.")
                .formatted(body.instruction().strip());
        return run(system, body.text(), body.maxTokens(), body.temperature(), body.seed());
    }

    private GenerateResponse run(String system, String text, @Nullable Integer maxTokens, @Nullable Double temperature,
            @Nullable Long seed) {
        var request = generation.request(List.of(ChatMessage.system(system), ChatMessage.user(text)), maxTokens,
                temperature, null, seed, null);
        return GenerateResponse.of(generation.generate(request, TokenSink.IGNORE));
    }
}
