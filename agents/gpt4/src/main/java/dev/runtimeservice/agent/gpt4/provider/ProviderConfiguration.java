package dev.runtimeservice.agent.gpt4.provider;

import dev.runtimeservice.agent.gpt4.embedded.LlamaProvider;
import dev.runtimeservice.agent.gpt4.generation.GenerationService;
import dev.runtimeservice.agent.gpt4.generation.TextProvider;
import dev.runtimeservice.agent.gpt4.remote.OpenAiCompatibleProvider;
import dev.runtimeservice.agent.sdk.resources.AgentResources;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.ObjectMapper;

/** Creates the chosen provider and the generation service on top of it. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(Gpt4Properties.class)
class ProviderConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ProviderConfiguration.class);

    @Bean
    ProviderChoice gpt4ProviderChoice(Gpt4Properties properties, AgentResources resources) {
        return ProviderSelector.choose(properties, resources);
    }

    @Bean
    ProviderResourceConsumer gpt4ProviderResources(ProviderChoice choice) {
        return new ProviderResourceConsumer(choice);
    }

    @Bean
    TextProvider gpt4TextProvider(ProviderChoice choice, ObjectMapper mapper) {
        TextProvider provider = create(choice, mapper);
        log.info("Text generation: {}", provider.status().detail());
        return provider;
    }

    private static TextProvider create(ProviderChoice choice, ObjectMapper mapper) {
        if (choice instanceof ProviderChoice.Remote remote) {
            return new OpenAiCompatibleProvider(remote.settings(), remote.source(), mapper);
        }
        if (choice instanceof ProviderChoice.Embedded embedded) {
            return LlamaProvider.load(embedded.modelPath(), embedded.source(), embedded.settings());
        }
        return new NoProvider(((ProviderChoice.None) choice).howToConfigure());
    }

    @Bean
    GenerationService gpt4Generation(TextProvider provider, Gpt4Properties properties) {
        return new GenerationService(provider, properties.limits());
    }
}
