package dev.runtimeservice.agent.sdk.identity;

import dev.runtimeservice.agent.sdk.config.AgentProperties;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.ClassUtils;

/** Builds the agent's {@link AgentIdentity} and serves it at {@code GET /}. */
@Configuration(proxyBeanMethods = false)
public class IdentityConfiguration {

    /** Creates the configuration; used by the SDK's auto-configuration. */
    public IdentityConfiguration() {}

    @Bean
    @ConditionalOnMissingBean
    AgentDescriptor agentDescriptor(AgentProperties properties) {
        return new AgentDescriptor("Agent " + properties.name() + " (no description provided).");
    }

    @Bean
    @ConditionalOnMissingBean
    AgentIdentity agentIdentity(
            AgentProperties properties,
            AgentDescriptor descriptor,
            ObjectProvider<BuildProperties> build,
            ApplicationContext context) {
        String version = AgentVersion.of(build.getIfAvailable(), applicationClass(context));
        return new AgentIdentity(properties.name(), descriptor.description(), version);
    }

    @Bean
    IdentityController agentIdentityController(AgentIdentity identity) {
        return new IdentityController(identity);
    }

    private static @Nullable Class<?> applicationClass(ApplicationContext context) {
        for (String name : context.getBeanNamesForAnnotation(SpringBootConfiguration.class)) {
            Class<?> type = context.getType(name);
            if (type != null) {
                return ClassUtils.getUserClass(type);
            }
        }
        return null;
    }
}
