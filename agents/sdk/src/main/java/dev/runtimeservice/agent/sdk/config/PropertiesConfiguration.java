package dev.runtimeservice.agent.sdk.config;

import java.nio.file.Path;
import java.util.Map;
import org.springframework.beans.factory.config.CustomEditorConfigurer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Binds {@link AgentProperties}, with {@link Path} values read as file-system paths relative to
 * the working directory.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AgentProperties.class)
public class PropertiesConfiguration {

    /** Creates the configuration; used by the SDK's auto-configuration. */
    public PropertiesConfiguration() {}

    @Bean
    static CustomEditorConfigurer agentPathEditor() {
        var configurer = new CustomEditorConfigurer();
        configurer.setCustomEditors(Map.of(Path.class, FileSystemPathEditor.class));
        return configurer;
    }
}
