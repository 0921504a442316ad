package dev.runtimeservice.agent.kendra.embedding;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Loads the embedding model once, at start, so that the agent is ready only when it can embed. */
@Configuration(proxyBeanMethods = false)
class EmbeddingConfiguration {

    @Bean
    TextEmbedder textEmbedder() {
        return new TextEmbedder();
    }
}
