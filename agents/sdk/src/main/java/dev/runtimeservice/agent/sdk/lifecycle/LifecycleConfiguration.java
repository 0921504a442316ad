package dev.runtimeservice.agent.sdk.lifecycle;

import dev.runtimeservice.agent.sdk.config.AgentProperties;
import dev.runtimeservice.agent.sdk.resources.ResourceUsages;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Registers the agent's run-time state, its status and shutdown endpoints and its start-up log.
 */
@Configuration(proxyBeanMethods = false)
public class LifecycleConfiguration {

    /** Creates the configuration; used by the SDK's auto-configuration. */
    public LifecycleConfiguration() {}

    @Bean
    AgentRuntime agentRuntime(Environment environment) {
        return new AgentRuntime(environment, Clock.systemUTC());
    }

    @Bean
    @ConditionalOnMissingBean
    ExitAction agentExitAction() {
        return System::exit;
    }

    @Bean
    LifecycleController agentLifecycleController(
            AgentProperties properties,
            AgentRuntime runtime,
            ResourceUsages resources,
            ExitAction exitAction,
            ConfigurableApplicationContext context) {
        var shutdown = new AgentShutdown(context, runtime, exitAction, properties.shutdownDelay());
        return new LifecycleController(properties.name(), runtime, resources, new TokenCheck(properties), shutdown);
    }

    @Bean
    StartupLog agentStartupLog(AgentProperties properties, AgentRuntime runtime) {
        return new StartupLog(properties.name(), runtime);
    }
}
