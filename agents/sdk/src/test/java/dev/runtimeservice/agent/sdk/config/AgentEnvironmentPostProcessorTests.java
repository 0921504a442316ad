package dev.runtimeservice.agent.sdk.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

class AgentEnvironmentPostProcessorTests {

    private final StandardEnvironment environment = new StandardEnvironment();

    private void run(Map<String, Object> variables, Map<String, Object> applicationYml) {
        var sources = environment.getPropertySources();
        // Only what the test gives: the build passes test JVMs system properties of its own (server.tomcat.basedir).
        sources.replace(
                StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME,
                new MapPropertySource(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME, Map.of()));
        sources.replace(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new SystemEnvironmentPropertySource(
                        StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables));
        sources.addLast(new MapPropertySource("application.yml", applicationYml));
        new AgentEnvironmentPostProcessor().postProcessEnvironment(environment, new SpringApplication());
    }

    @Test
    void mapsTheManagersVariablesOntoProperties() {
        run(
                Map.of(
                        "AGENT_NAME",
                        "vfs",
                        "AGENT_PORT",
                        "8001",
                        "AGENT_BIND_ADDRESS",
                        "0.0.0.0",
                        "AGENT_HOME",
                        "/srv/vfs",
                        "AGENT_RESOURCES_FILE",
                        "/srv/vfs/resources.json",
                        "MANAGER_URL",
                        "http://127.0.0.1:8000",
                        "AGENT_TOKEN",
                        "t",
                        "AGENT_SHUTDOWN_REQUIRES_TOKEN",
                        "true",
                        "LOG_LEVEL",
                        "DEBUG"),
                Map.of());

        assertThat(environment.getProperty("agent.name")).isEqualTo("vfs");
        assertThat(environment.getProperty("server.port")).isEqualTo("8001");
        assertThat(environment.getProperty("server.address")).isEqualTo("0.0.0.0");
        assertThat(environment.getProperty("agent.home")).isEqualTo("/srv/vfs");
        assertThat(environment.getProperty("agent.resources-file")).isEqualTo("/srv/vfs/resources.json");
        assertThat(environment.getProperty("agent.manager-url")).isEqualTo("http://127.0.0.1:8000");
        assertThat(environment.getProperty("agent.token")).isEqualTo("t");
        assertThat(environment.getProperty("agent.shutdown-requires-token")).isEqualTo("true");
        assertThat(environment.getProperty("logging.level.root")).isEqualTo("DEBUG");
        assertThat(environment.getProperty("server.tomcat.basedir")).isEqualTo("/srv/vfs/.tomcat");
    }

    @Test
    void variablesBeatTheAgentsOwnConfiguration() {
        run(Map.of("AGENT_PORT", "8001"), Map.of("server.port", "9999"));

        assertThat(environment.getProperty("server.port")).isEqualTo("8001");
    }

    @Test
    void defaultsApplyWhenNothingIsSetAndTheAgentsConfigurationBeatsThem() {
        run(Map.of("AGENT_TOKEN", "  "), Map.of("spring.application.name", "kendra", "logging.level.root", "WARN"));

        assertThat(environment.getProperty("agent.name")).isEqualTo("kendra");
        assertThat(environment.getPropertySources().get(AgentEnvironmentPostProcessor.VARIABLES_SOURCE))
                .isNull();
        assertThat(environment.getProperty("server.port")).isEqualTo("8080");
        assertThat(environment.getProperty("server.address")).isEqualTo("127.0.0.1");
        assertThat(environment.getProperty("logging.level.root")).isEqualTo("WARN");
        assertThat(environment.getProperty("server.shutdown")).isEqualTo("graceful");
        assertThat(environment.getProperty("management.endpoint.health.probes.enabled"))
                .isEqualTo("true");
        assertThat(environment.getProperty("spring.mvc.problemdetails.enabled")).isEqualTo("true");
        assertThat(environment.getProperty("server.tomcat.threads.min-spare")).isEqualTo("2");
        assertThat(environment.getProperty("server.tomcat.threads.max")).isEqualTo("50");
        assertThat(environment.getProperty("server.tomcat.basedir")).isNull();
    }
}
