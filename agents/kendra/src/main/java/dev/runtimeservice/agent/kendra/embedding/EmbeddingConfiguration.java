package dev.runtimeservice.agent.kendra.embedding;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The embedder, whose model the first ingest or semantic search loads. */
@Configuration(proxyBeanMethods = false)
class EmbeddingConfiguration {

    @Bean
    TextEmbedder textEmbedder() {
        return new TextEmbedder();
    }
}
