package dev.runtimeservice.agent.gpt4.provider;

import dev.runtimeservice.agent.gpt4.generation.GenerationRequest;
import dev.runtimeservice.agent.gpt4.generation.GenerationResult;
import dev.runtimeservice.agent.gpt4.generation.NoProviderException;
import dev.runtimeservice.agent.gpt4.generation.ProviderStatus;
import dev.runtimeservice.agent.gpt4.generation.TextProvider;
import dev.runtimeservice.agent.gpt4.generation.TokenSink;

/** Stands in when nothing is configured: every call answers 503 saying how to configure a provider. */
final class NoProvider implements TextProvider {

    private final String howToConfigure;

    NoProvider(String howToConfigure) {
        this.howToConfigure = howToConfigure;
    }

    @Override
    public GenerationResult generate(GenerationRequest request, TokenSink sink) {
        throw new NoProviderException(howToConfigure);
    }

    @Override
    public ProviderStatus status() {
        return new ProviderStatus("none", null, howToConfigure, null, null, null);
    }
}
