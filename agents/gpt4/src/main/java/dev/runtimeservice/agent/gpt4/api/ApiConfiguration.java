package dev.runtimeservice.agent.gpt4.api;

import dev.runtimeservice.agent.gpt4.provider.Gpt4Properties;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.ObjectMapper;

/** Guards the generation endpoints with the server API key when one is set. */
@Configuration(proxyBeanMethods = false)
class ApiConfiguration implements WebMvcConfigurer {

    private final Gpt4Properties properties;
    private final ObjectMapper mapper;

    ApiConfiguration(Gpt4Properties properties, ObjectMapper mapper) {
        this.properties = properties;
        this.mapper = mapper;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        String key = properties.serverApiKey();
        if (key != null) {
            registry.addInterceptor(new ApiKeyCheck(key, mapper)).addPathPatterns("/v1/**", "/generate", "/tasks/**");
        }
    }
}
