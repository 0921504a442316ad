package dev.runtimeservice.agent.sdk;

import dev.runtimeservice.agent.sdk.a2a.A2aConfiguration;
import dev.runtimeservice.agent.sdk.card.CardConfiguration;
import dev.runtimeservice.agent.sdk.config.PropertiesConfiguration;
import dev.runtimeservice.agent.sdk.error.ErrorConfiguration;
import dev.runtimeservice.agent.sdk.identity.IdentityConfiguration;
import dev.runtimeservice.agent.sdk.lifecycle.LifecycleConfiguration;
import dev.runtimeservice.agent.sdk.observability.ObservabilityConfiguration;
import dev.runtimeservice.agent.sdk.resources.ResourcesConfiguration;
import dev.runtimeservice.agent.sdk.skill.SkillConfiguration;
import dev.runtimeservice.agent.sdk.trace.TraceConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Import;

/**
 * Gives a servlet Spring Boot app the agent contract: {@code GET /}, {@code /status},
 * {@code /shutdown}, {@code /.well-known/agent-card.json}, the resources file, SDK error
 * mapping, request ids ({@code X-Request-Id}), metrics and traces ({@code /actuator/prometheus}, W3C
 * {@code traceparent}, OTLP export), the agent's skills ({@code /skills}) and the A2A server
 * over them ({@code /a2a}, {@code /a2a/rest}). Registered in
 * {@code META-INF/spring/...AutoConfiguration.imports}.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Import({
    PropertiesConfiguration.class,
    IdentityConfiguration.class,
    ResourcesConfiguration.class,
    LifecycleConfiguration.class,
    CardConfiguration.class,
    ErrorConfiguration.class,
    TraceConfiguration.class,
    ObservabilityConfiguration.class,
    SkillConfiguration.class,
    A2aConfiguration.class
})
public class AgentSdkAutoConfiguration {

    /** Creates the auto-configuration; Spring Boot instantiates it. */
    public AgentSdkAutoConfiguration() {}
}
