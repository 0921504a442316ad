package dev.runtimeservice.agent.sdk.config;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.DefaultPropertiesPropertySource;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * Maps the manager's environment variables onto properties and registers the defaults every
 * agent starts with.
 *
 * <p>The variables (listed in {@link AgentProperties}) rank just below the real environment, so
 * they beat an agent's {@code application.yml}; the defaults join Spring Boot's default properties,
 * which rank lowest, so an agent's own configuration overrides them.
 */
public final class AgentEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    /** Name of the property source holding the mapped environment variables. */
    public static final String VARIABLES_SOURCE = "agentEnvironmentVariables";

    private static final Map<String, String> VARIABLES = Map.of(
            "AGENT_NAME", "agent.name",
            "AGENT_HOME", "agent.home",
            "AGENT_RESOURCES_FILE", "agent.resources-file",
            "MANAGER_URL", "agent.manager-url",
            "AGENT_TOKEN", "agent.token",
            "AGENT_SHUTDOWN_REQUIRES_TOKEN", "agent.shutdown-requires-token",
            "AGENT_PORT", "server.port",
            "AGENT_BIND_ADDRESS", "server.address",
            "LOG_LEVEL", "logging.level.root");

    // Boot's exporters and OpenTelemetry logging, switched on by properties (fixed at build time under Spring AOT):
    // the SDK decides export when the agent starts instead (observability.OtlpExport).
    private static final java.util.List<String> OTLP_BY_PROPERTIES = java.util.List.of(
            "org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.otlp.OtlpTracingAutoConfiguration",
            "org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.zipkin."
                    + "ZipkinWithOpenTelemetryTracingAutoConfiguration",
            "org.springframework.boot.opentelemetry.autoconfigure.logging.OpenTelemetryLoggingAutoConfiguration",
            "org.springframework.boot.opentelemetry.autoconfigure.logging.otlp.OtlpLoggingAutoConfiguration",
            // A counter per log line, whose Prometheus exemplar looks the tracer up: a line logged by another thread
            // while the context was still starting made the tracer's beans there, and the orchestrator failed to
            // start (SpecificationCurlIT). Log lines are counted nowhere else either (the manager excludes it too).
            "org.springframework.boot.micrometer.metrics.autoconfigure.logging.logback."
                    + "LogbackMetricsAutoConfiguration");

    private static final Map<String, Object> DEFAULTS = Map.ofEntries(
            Map.entry("agent.name", "${spring.application.name:agent}"),
            Map.entry("server.port", "8080"),
            Map.entry("server.address", "127.0.0.1"),
            Map.entry("server.shutdown", "graceful"),
            Map.entry("logging.level.root", "INFO"),
            // A small service: two idle request threads instead of ten, and at most 50 busy ones, each with its
            // stack and buffers, instead of 200; more requests wait in the accept queue.
            Map.entry("server.tomcat.threads.min-spare", "2"),
            Map.entry("server.tomcat.threads.max", "50"),
            Map.entry("spring.main.banner-mode", "off"),
            Map.entry("spring.mvc.problemdetails.enabled", "true"),
            Map.entry("management.endpoints.web.exposure.include", "health,info,prometheus"),
            // Issue 28: every request is traced (export only with OTEL_EXPORTER_OTLP_ENDPOINT, see the observability
            // package), under the agent's own name even when the manager's OTEL_SERVICE_NAME is inherited.
            Map.entry("management.tracing.sampling.probability", "1.0"),
            Map.entry("management.opentelemetry.resource-attributes.service.name", "${agent.name}"),
            Map.entry("spring.autoconfigure.exclude", String.join(",", OTLP_BY_PROPERTIES)),
            // Actuator answers with Jackson 3 like the rest of the agent; without this an agent that also has
            // Jackson 2 on its class path (through LangChain4j) builds a second, Jackson 2 mapper at start (~0.1 s).
            Map.entry("management.endpoints.jackson2.isolated-object-mapper", "false"),
            Map.entry("management.endpoint.health.probes.enabled", "true"),
            Map.entry("management.health.livenessstate.enabled", "true"),
            Map.entry("management.health.readinessstate.enabled", "true"));

    /** Runs after the configuration files are loaded, so that the defaults rank below them. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        var sources = environment.getPropertySources();
        PropertySource<?> system = sources.get(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        Map<String, Object> mapped = system == null ? Map.of() : mapVariables(system);
        if (system != null && !mapped.isEmpty()) {
            sources.addAfter(system.getName(), new MapPropertySource(VARIABLES_SOURCE, mapped));
        }
        addDefaults(sources, (String) mapped.get("agent.home"));
    }

    /** Joins the app's own default properties, which win over the agent defaults. */
    private static void addDefaults(MutablePropertySources sources, @Nullable String home) {
        Map<String, Object> defaults = new LinkedHashMap<>(DEFAULTS);
        if (home != null) {
            // Tomcat's work folder, in the agent's home instead of a new /tmp/tomcat.<port>.* at every start:
            // Spring Boot deletes that temporary folder on exit only when it is empty, and it never is.
            defaults.put("server.tomcat.basedir", Path.of(home, ".tomcat").toString());
        }
        if (sources.get(DefaultPropertiesPropertySource.NAME) instanceof MapPropertySource existing) {
            defaults.putAll(existing.getSource());
        }
        DefaultPropertiesPropertySource.addOrMerge(defaults, sources);
    }

    private static Map<String, Object> mapVariables(PropertySource<?> system) {
        Map<String, Object> mapped = new LinkedHashMap<>();
        VARIABLES.forEach((variable, property) -> {
            Object value = system.getProperty(variable);
            if (value != null && !value.toString().isBlank()) {
                mapped.put(property, value.toString().trim());
            }
        });
        return mapped;
    }
}
