package dev.runtimeservice.agent.gpt4.provider;

import dev.runtimeservice.agent.gpt4.embedded.EmbeddedSettings;
import dev.runtimeservice.agent.gpt4.remote.OpenAiSettings;
import dev.runtimeservice.agent.sdk.resources.AgentResources;
import java.nio.file.Path;

/**
 * Decides the provider: the launch's resources beat configuration and environment, and
 * {@code gpt4.provider} ({@code GPT4_PROVIDER}) may force one kind.
 */
final class ProviderSelector {

    static final String HOW_TO_CONFIGURE = "No text-generation provider is configured. For an OpenAI-compatible "
            + "server set GPT4_OPENAI_BASE_URL and GPT4_OPENAI_MODEL (and GPT4_OPENAI_API_KEY if it needs a key), "
            + "or launch gpt4 with the resource \"openai\": {\"base_url\", \"api_key\", \"model\"}; for the model "
            + "in process set GPT4_MODEL_PATH to a GGUF file, or launch with the resource \"gguf\": {\"model_path\"}.";

    private ProviderSelector() {}

    static ProviderChoice choose(Gpt4Properties properties, AgentResources resources) {
        OpenAiSettings remote = properties.openai();
        String remoteSource = "the environment (GPT4_OPENAI_BASE_URL, GPT4_OPENAI_MODEL)";
        var fromResource = resources.find(LaunchResources.OPENAI).map(LaunchResources::openAi);
        if (fromResource.isPresent() && fromResource.get().problem() == null) {
            LaunchResources.OpenAi openAi = fromResource.get();
            remote = remote.withServer(openAi.baseUrl(), openAi.apiKey(), openAi.model());
            remoteSource = "the launch's 'openai' resource";
        }
        EmbeddedSettings embedded = properties.embedded();
        String embeddedSource = "the environment (GPT4_MODEL_PATH)";
        var pathFromResource = resources.find(LaunchResources.GGUF).flatMap(LaunchResources::modelPath);
        if (pathFromResource.isPresent()) {
            embedded = embedded.withModelPath(pathFromResource.get());
            embeddedSource = "the launch's 'gguf' resource";
        }
        ProviderChoice remoteChoice = remote.isConfigured() ? new ProviderChoice.Remote(remote, remoteSource) : null;
        ProviderChoice embeddedChoice = embedded.modelPath() == null
                ? null
                : new ProviderChoice.Embedded(embedded, Path.of(embedded.modelPath()), embeddedSource);
        return switch (properties.provider()) {
            case AUTO ->
                remoteChoice != null
                        ? remoteChoice
                        : embeddedChoice != null ? embeddedChoice : new ProviderChoice.None(HOW_TO_CONFIGURE);
            case OPENAI ->
                remoteChoice != null
                        ? remoteChoice
                        : new ProviderChoice.None(
                                "GPT4_PROVIDER is openai, but no base URL and model are set. " + HOW_TO_CONFIGURE);
            case EMBEDDED ->
                embeddedChoice != null
                        ? embeddedChoice
                        : new ProviderChoice.None(
                                "GPT4_PROVIDER is embedded, but no model file is set. " + HOW_TO_CONFIGURE);
        };
    }
}
