package dev.runtimeservice.agent.gpt4.provider;

import dev.runtimeservice.agent.sdk.resources.ResourceConsumer;
import dev.runtimeservice.agent.sdk.resources.ResourceUse;
import tools.jackson.databind.JsonNode;

/** Tells {@code /status} whether the {@code openai} and {@code gguf} resources configure the provider. */
final class ProviderResourceConsumer implements ResourceConsumer {

    private final ProviderChoice choice;

    ProviderResourceConsumer(ProviderChoice choice) {
        this.choice = choice;
    }

    @Override
    public boolean handles(String resourceName) {
        return LaunchResources.OPENAI.equals(resourceName) || LaunchResources.GGUF.equals(resourceName);
    }

    @Override
    public ResourceUse use(String resourceName, JsonNode value) {
        if (LaunchResources.OPENAI.equals(resourceName)) {
            String problem = LaunchResources.openAi(value).problem();
            if (problem != null) {
                return ResourceUse.unused(problem);
            }
            return choice instanceof ProviderChoice.Remote remote
                    ? ResourceUse.used("the OpenAI-compatible provider, model "
                            + remote.settings().model())
                    : ResourceUse.unused("GPT4_PROVIDER selects another provider");
        }
        if (LaunchResources.modelPath(value).isEmpty()) {
            return ResourceUse.unused("the 'model_path' field is missing; give the path of a GGUF file");
        }
        return choice instanceof ProviderChoice.Embedded embedded
                ? ResourceUse.used(
                        "the in-process model " + embedded.modelPath().getFileName())
                : ResourceUse.unused("the OpenAI-compatible provider is configured and takes precedence");
    }
}
