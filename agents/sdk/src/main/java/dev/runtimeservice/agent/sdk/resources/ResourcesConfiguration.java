package dev.runtimeservice.agent.sdk.resources;

import dev.runtimeservice.agent.sdk.config.AgentProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** Loads the resources file into {@link AgentResources} and decides their {@link ResourceUsages}. */
@Configuration(proxyBeanMethods = false)
public class ResourcesConfiguration {

    /** Creates the configuration; used by the SDK's auto-configuration. */
    public ResourcesConfiguration() {}

    @Bean
    @ConditionalOnMissingBean
    AgentResources agentResources(AgentProperties properties, ObjectProvider<ObjectMapper> mapper) {
        return new ResourcesFileReader(mapper.getIfAvailable(JsonMapper::new)).read(properties.resourcesFile());
    }

    @Bean
    ResourceUsages agentResourceUsages(
            AgentProperties properties, AgentResources resources, ObjectProvider<ResourceConsumer> consumers) {
        return new ResourceUsages(
                properties.name(), resources, consumers.orderedStream().toList());
    }
}
