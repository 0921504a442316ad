package dev.runtimeservice.agent.gpt4.provider;

import dev.runtimeservice.agent.gpt4.embedded.EmbeddedSettings;
import dev.runtimeservice.agent.gpt4.remote.OpenAiSettings;
import java.nio.file.Path;

/** The provider the agent serves with, and where its settings came from. */
sealed interface ProviderChoice {

    /**
     * An OpenAI-compatible server.
     *
     * @param settings how to reach it
     * @param source where the settings came from
     */
    record Remote(OpenAiSettings settings, String source) implements ProviderChoice {}

    /**
     * The model in process.
     *
     * @param settings slots, queue and context
     * @param modelPath the GGUF file
     * @param source where the path came from
     */
    record Embedded(EmbeddedSettings settings, Path modelPath, String source) implements ProviderChoice {}

    /**
     * None: generation answers 503.
     *
     * @param howToConfigure what to set
     */
    record None(String howToConfigure) implements ProviderChoice {}
}
