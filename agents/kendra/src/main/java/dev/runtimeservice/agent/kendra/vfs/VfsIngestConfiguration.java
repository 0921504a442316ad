package dev.runtimeservice.agent.kendra.vfs;

import dev.runtimeservice.agent.kendra.ingest.IngestService;
import dev.runtimeservice.agent.sdk.config.AgentProperties;
import java.net.http.HttpClient;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.ObjectMapper;

/** Wires indexing from vfs: the manager's URL from the SDK, one HTTP client for the manager and vfs. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(VfsIngestProperties.class)
class VfsIngestConfiguration {

    @Bean
    VfsIngestService vfsIngestService(
            AgentProperties agent, VfsIngestProperties properties, IngestService ingest, ObjectMapper json) {
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(properties.timeout())
                .build();
        return new VfsIngestService(
                new VfsLocator(http, json, agent.managerUrl(), properties), ingest, properties, json);
    }
}
