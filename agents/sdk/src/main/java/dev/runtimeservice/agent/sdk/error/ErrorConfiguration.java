package dev.runtimeservice.agent.sdk.error;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Registers the mapping of SDK exceptions to problem details. */
@Configuration(proxyBeanMethods = false)
public class ErrorConfiguration {

    /** Creates the configuration; used by the SDK's auto-configuration. */
    public ErrorConfiguration() {}

    @Bean
    AgentProblemHandler agentProblemHandler() {
        return new AgentProblemHandler();
    }
}
