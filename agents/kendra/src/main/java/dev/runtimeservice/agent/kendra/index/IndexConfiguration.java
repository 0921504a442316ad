package dev.runtimeservice.agent.kendra.index;

import dev.runtimeservice.agent.sdk.config.AgentProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Opens the index under the agent's home and closes it at shutdown. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(KendraProperties.class)
class IndexConfiguration {

    @Bean(destroyMethod = "close")
    LuceneIndex luceneIndex(KendraProperties properties, AgentProperties agent) {
        return new LuceneIndex(properties.indexDirUnder(agent.home()));
    }
}
