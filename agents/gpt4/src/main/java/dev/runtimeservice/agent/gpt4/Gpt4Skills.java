package dev.runtimeservice.agent.gpt4;

import dev.runtimeservice.agent.sdk.identity.AgentSkill;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The agent card's skills: one per generation endpoint, each honest that the model decides the quality. */
@Configuration(proxyBeanMethods = false)
class Gpt4Skills {

    private static final String MODEL_NOTE = " Output quality is the configured model's: an instruction-tuned model "
            + "follows the request; a small story model such as stories260K only continues text.";

    @Bean
    AgentSkill generateSkill() {
        return new AgentSkill("generate", "Text generation",
                "POST /generate {prompt, system?, max_tokens?, temperature?, seed?, stop?} returns the generated text, "
                        + "model, finish reason and token usage; POST /v1/chat/completions does the same for OpenAI "
                        + "clients, plain or streamed as server-sent events." + MODEL_NOTE,
                List.of("generation", "llm", "completion", "chat", "openai"),
                List.of("{\"prompt\":\"Once upon a time\",\"max_tokens\":40,\"seed\":42}",
                        "Write a haiku about spring"));
    }

    @Bean
    AgentSkill summarizeSkill() {
        return new AgentSkill("summarize", "Summarise a text",
                "POST /tasks/summarize {text, max_words?} asks the model for a summary of at most max_words words."
                        + MODEL_NOTE,
                List.of("summarization", "summary", "resumen"),
                List.of("{\"text\":\"<a long report>\",\"max_words\":50}", "Resume este texto en tres frases"));
    }

    @Bean
    AgentSkill translateSkill() {
        return new AgentSkill("translate", "Translate a text",
                "POST /tasks/translate {text, target_language, source_language?} asks the model for a translation."
                        + MODEL_NOTE,
                List.of("translation", "traducción", "language"),
                List.of("{\"text\":\"Hola, ¿qué tal?\",\"target_language\":\"English\"}",
                        "Translate this paragraph into Spanish"));
    }

    @Bean
    AgentSkill rewriteSkill() {
        return new AgentSkill("rewrite", "Rewrite a text",
                "POST /tasks/rewrite {text, instruction} asks the model to rewrite the text as instructed (tone, "
                        + "length, audience)." + MODEL_NOTE,
                List.of("rewriting", "paraphrase", "style", "reescribir"),
                List.of("{\"text\":\"hey, send me the file\",\"instruction\":\"more formal\"}",
                        "Make this email shorter and friendlier"));
    }
}
