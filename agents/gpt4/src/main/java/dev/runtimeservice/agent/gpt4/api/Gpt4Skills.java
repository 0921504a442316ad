package dev.runtimeservice.agent.gpt4.api;

import dev.runtimeservice.agent.gpt4.generation.ChatMessage;
import dev.runtimeservice.agent.gpt4.generation.GenerationCancelledException;
import dev.runtimeservice.agent.gpt4.generation.GenerationException;
import dev.runtimeservice.agent.gpt4.generation.GenerationRequest;
import dev.runtimeservice.agent.gpt4.generation.GenerationResult;
import dev.runtimeservice.agent.gpt4.generation.GenerationService;
import dev.runtimeservice.agent.gpt4.generation.TokenSink;
import dev.runtimeservice.agent.sdk.identity.AgentSkill;
import dev.runtimeservice.agent.sdk.skill.Skill;
import dev.runtimeservice.agent.sdk.skill.SkillCancelledException;
import dev.runtimeservice.agent.sdk.skill.SkillContext;
import dev.runtimeservice.agent.sdk.skill.SkillResult;
import dev.runtimeservice.agent.sdk.skill.Turn;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The agent's skills, each declared once with its handler: the REST endpoints ({@code /generate}, {@code /tasks/*},
 * {@code /v1/chat/completions}) and A2A run the same code. Over A2A the text streams token by token, a cancel stops
 * the model at the next token, and {@code generate} continues the conversation of its A2A context.
 */
@Configuration(proxyBeanMethods = false)
class Gpt4Skills {

    private static final String MODEL_NOTE = " Output quality is the configured model's: an instruction-tuned model "
            + "follows the request; a small story model such as stories260K only continues text.";

    private final GenerationService generation;

    Gpt4Skills(GenerationService generation) {
        this.generation = generation;
    }

    @Bean
    Skill<GenerateRequest> generateSkill() {
        return Skill.withText(
                        new AgentSkill(
                                "generate",
                                "Text generation",
                                "POST /generate {prompt, system?, max_tokens?, temperature?, seed?, stop?} returns "
                                        + "the generated text, "
                                        + "model, finish reason and token usage; POST /v1/chat/completions does the "
                                        + "same for OpenAI "
                                        + "clients, plain or streamed as server-sent events. Over A2A a plain-text "
                                        + "message is the "
                                        + "prompt, and the earlier turns of the same contextId come before it."
                                        + MODEL_NOTE,
                                List.of("generation", "llm", "completion", "chat", "openai"),
                                List.of(
                                        "{\"prompt\":\"Once upon a time\",\"max_tokens\":40,\"seed\":42}",
                                        "Write a haiku about spring")),
                        GenerateRequest.class,
                        GenerateResponse.class,
                        text -> new GenerateRequest(text, null, null, null, null, null),
                        this::generate)
                .preferredForText();
    }

    @Bean
    Skill<TaskRequests.Summarize> summarizeSkill() {
        return Skill.withText(
                new AgentSkill(
                        "summarize",
                        "Summarise a text",
                        "POST /tasks/summarize {text, max_words?} asks the model for a summary of at most max_words "
                                + "words."
                                + MODEL_NOTE,
                        List.of("summarization", "summary", "summarize", "summarise", "resumen", "resume"),
                        List.of("{\"text\":\"<a long report>\",\"max_words\":50}", "Resume este texto en tres frases")),
                TaskRequests.Summarize.class,
                GenerateResponse.class,
                text -> new TaskRequests.Summarize(text, null, null, null, null),
                this::summarize);
    }

    @Bean
    Skill<TaskRequests.Translate> translateSkill() {
        return Skill.of(
                new AgentSkill(
                        "translate",
                        "Translate a text",
                        "POST /tasks/translate {text, target_language, source_language?} asks the model for a "
                                + "translation."
                                + " Over A2A send the same fields as a data part." + MODEL_NOTE,
                        List.of("translation", "translate", "traducción", "language"),
                        List.of(
                                "{\"text\":\"Hola, ¿qué tal?\",\"target_language\":\"English\"}",
                                "Translate this paragraph into Spanish")),
                TaskRequests.Translate.class,
                GenerateResponse.class,
                this::translate);
    }

    @Bean
    Skill<TaskRequests.Rewrite> rewriteSkill() {
        return Skill.of(
                new AgentSkill(
                        "rewrite",
                        "Rewrite a text",
                        "POST /tasks/rewrite {text, instruction} asks the model to rewrite the text as instructed "
                                + "(tone, "
                                + "length, audience). Over A2A send the same fields as a data part." + MODEL_NOTE,
                        List.of("rewriting", "rewrite", "paraphrase", "style", "reescribir"),
                        List.of(
                                "{\"text\":\"hey, send me the file\",\"instruction\":\"more formal\"}",
                                "Make this email shorter and friendlier")),
                TaskRequests.Rewrite.class,
                GenerateResponse.class,
                this::rewrite);
    }

    @Bean
    Skill<ChatCompletionRequest> chatSkill() {
        return Skill.of(
                new AgentSkill(
                        "chat",
                        "OpenAI chat completion",
                        "POST /v1/chat/completions {messages: [{role, content}], max_tokens?, max_completion_tokens?, "
                                + "temperature?, top_p?, seed?, stop?, stream?} answers an OpenAI chat.completion, or "
                                + "its chunks as server-sent events with stream: true. Over A2A send the same body "
                                + "as a data part; the tokens stream as the task's partial text." + MODEL_NOTE,
                        List.of("chat-completions", "openai", "messages"),
                        List.of("{\"messages\":[{\"role\":\"user\",\"content\":\"Hello\"}],\"max_tokens\":20}")),
                ChatCompletionRequest.class,
                ChatCompletions.Completion.class,
                this::chat);
    }

    private SkillResult chat(ChatCompletionRequest body, SkillContext context) {
        if (body.n() != null && body.n() != 1) {
            throw GenerationException.badRequest("Only n = 1 is supported");
        }
        var request = generation.request(
                body.chatMessages(), body.tokenLimit(), body.temperature(), body.topP(), body.seed(), body.stop());
        ChatCompletions.Completion completion =
                ChatCompletions.start(generation.status().model()).completion(generate(request, context));
        return new SkillResult(
                String.valueOf(completion.choices().get(0).message().get("content")), completion);
    }

    private SkillResult generate(GenerateRequest body, SkillContext context) {
        List<ChatMessage> messages = new ArrayList<>();
        if (body.system() != null && !body.system().isBlank()) {
            messages.add(ChatMessage.system(body.system()));
        }
        for (Turn turn : context.history()) {
            messages.add(turn.fromUser() ? ChatMessage.user(turn.text()) : new ChatMessage("assistant", turn.text()));
        }
        messages.add(ChatMessage.user(body.prompt()));
        return run(messages, body.maxTokens(), body.temperature(), body.seed(), body.stop(), context);
    }

    private SkillResult summarize(TaskRequests.Summarize body, SkillContext context) {
        int words = body.maxWords() == null ? 60 : body.maxWords();
        String system = ("You summarise texts. Answer with a summary of at most %d words, in the text's own language, "
                        + "and nothing else.")
                .formatted(words);
        return instructed(system, body.text(), body.maxTokens(), body.temperature(), body.seed(), context);
    }

    private SkillResult translate(TaskRequests.Translate body, SkillContext context) {
        String from = body.sourceLanguage() == null || body.sourceLanguage().isBlank()
                ? ""
                : " from " + body.sourceLanguage().strip();
        String system = ("You translate texts%s into %s. Answer with the translation only, keeping the meaning, "
                        + "tone and formatting.")
                .formatted(from, body.targetLanguage().strip());
        return instructed(system, body.text(), body.maxTokens(), body.temperature(), body.seed(), context);
    }

    private SkillResult rewrite(TaskRequests.Rewrite body, SkillContext context) {
        String system = ("You rewrite texts as asked: %s. Keep the meaning. Answer with the rewritten text only.")
                .formatted(body.instruction().strip());
        return instructed(system, body.text(), body.maxTokens(), body.temperature(), body.seed(), context);
    }

    private SkillResult instructed(
            String system,
            String text,
            @Nullable Integer maxTokens,
            @Nullable Double temperature,
            @Nullable Long seed,
            SkillContext context) {
        return run(
                List.of(ChatMessage.system(system), ChatMessage.user(text)),
                maxTokens,
                temperature,
                seed,
                null,
                context);
    }

    private SkillResult run(
            List<ChatMessage> messages,
            @Nullable Integer maxTokens,
            @Nullable Double temperature,
            @Nullable Long seed,
            @Nullable List<String> stop,
            SkillContext context) {
        var request = generation.request(messages, maxTokens, temperature, null, seed, stop);
        GenerateResponse response = GenerateResponse.of(generate(request, context));
        return new SkillResult(response.text(), response);
    }

    /**
     * Generates, streaming each token to the caller (an A2A task's subscribers, a REST client's event stream). Each
     * token is a safe point: once the task is cancelled (or the REST client went away), refusing the next token
     * stops the model, and what was generated until then was streamed whole.
     */
    private GenerationResult generate(GenerationRequest request, SkillContext context) {
        if (context == SkillContext.NONE) {
            return generation.generate(request, TokenSink.IGNORE);
        }
        int[] tokens = {0};
        try {
            return generation.generate(request, text -> {
                if (context.isCancelled()) {
                    throw new IOException("The task was cancelled");
                }
                tokens[0]++;
                context.partial(text);
            });
        } catch (GenerationCancelledException e) {
            if (context.isCancelled()) {
                throw new SkillCancelledException("The model stopped after " + tokens[0]
                        + " tokens; the text streamed until then is all there is.");
            }
            throw e;
        }
    }
}
