package dev.runtimeservice.manager.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.StandardEnvironment;

class RuntimePropertiesTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(Enable.class)
            .withPropertyValues(
                    "runtime.min-agent-port=8001",
                    "runtime.max-agent-port=12001",
                    "runtime.agents-dir=agents",
                    "runtime.log-dir=logs",
                    "runtime.agent-startup-timeout=60",
                    "runtime.agent-shutdown-timeout=10s",
                    "runtime.bind-address=127.0.0.1",
                    "runtime.log-level=INFO");

    @Test
    void plainNumbersAreSecondsAndPathsArePaths() {
        runner.run(context -> {
            RuntimeProperties properties = context.getBean(RuntimeProperties.class);
            assertThat(properties.agentStartupTimeout()).isEqualTo(Duration.ofSeconds(60));
            assertThat(properties.agentShutdownTimeout()).isEqualTo(Duration.ofSeconds(10));
            assertThat(properties.agentsDir()).isEqualTo(Path.of("agents"));
            assertThat(properties.minAgentPort()).isEqualTo(8001);
        });
    }

    @Test
    void aValueThatIsNotANumberNamesItsEnvironmentVariable() {
        assertThat(analysis("runtime.min-agent-port=abc").getDescription())
                .contains("MIN_AGENT_PORT")
                .contains("'abc'");
    }

    @Test
    void aValueOutOfRangeNamesItsEnvironmentVariable() {
        assertThat(analysis("runtime.max-agent-port=70000").getDescription())
                .contains("MAX_AGENT_PORT")
                .contains("70000");
        assertThat(analysis("runtime.agent-startup-timeout=0").getDescription()).contains("AGENT_STARTUP_TIMEOUT");
    }

    @Test
    void aReversedPortRangeIsRefused() {
        assertThat(analysis("runtime.min-agent-port=9000", "runtime.max-agent-port=8000")
                        .getDescription())
                .contains("MIN_AGENT_PORT")
                .contains("MAX_AGENT_PORT");
    }

    @Test
    void aRefusedValueIsNamedWithItsVariableAndWhatItWas() {
        assertThat(analysis("runtime.max-agent-port=70000").getDescription())
                .isEqualTo("Invalid configuration: MAX_AGENT_PORT (runtime.max-agent-port) must be from 1 to 65535"
                        + " (was '70000')");
        assertThat(analysis("runtime.agent-shutdown-timeout=500ms").getDescription())
                .isEqualTo("Invalid configuration: AGENT_SHUTDOWN_TIMEOUT (runtime.agent-shutdown-timeout) must be at"
                        + " least 1000 ms (was 'PT0.5S')");
        assertThat(analysis("runtime.bind-address= ").getDescription())
                .startsWith("Invalid configuration: AGENT_BIND_ADDRESS (runtime.bind-address) must");
        assertThat(analysis("runtime.min-agent-port=9000", "runtime.max-agent-port=8000")
                        .getDescription())
                .isEqualTo("Invalid configuration: MIN_AGENT_PORT (runtime.min-agent-port) must not be greater than"
                        + " MAX_AGENT_PORT (8000) (was '9000')");
    }

    @Test
    void aBadBooleanNamesDebug() {
        FailureAnalysis analysis = analysis("runtime.debug=maybe");
        assertThat(analysis.getDescription()).contains("DEBUG");
        assertThat(analysis.getAction()).contains("config/application.yml");
    }

    private FailureAnalysis analysis(String... properties) {
        FailureAnalysis[] result = new FailureAnalysis[1];
        runner.withPropertyValues(properties).run(context -> {
            assertThat(context).hasFailed();
            result[0] =
                    new ConfigurationFailureAnalyzer(new StandardEnvironment()).analyze(context.getStartupFailure());
        });
        assertThat(result[0]).isNotNull();
        return result[0];
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(RuntimeProperties.class)
    static class Enable {}
}
