package dev.runtimeservice.agent.sdk.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class AgentPropertiesTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(PropertiesConfiguration.class)
            .withPropertyValues("agent.name=vfs");

    @Test
    void defaultsNeedOnlyAName() {
        runner.run(context -> {
            AgentProperties properties = context.getBean(AgentProperties.class);
            assertThat(properties.name()).isEqualTo("vfs");
            assertThat(properties.home()).isEqualTo(Path.of("").toAbsolutePath());
            assertThat(properties.resourcesFile()).isNull();
            assertThat(properties.managerUrl()).isEqualTo(URI.create("http://127.0.0.1:8000"));
            assertThat(properties.token()).isNull();
            assertThat(properties.shutdownRequiresToken()).isFalse();
            assertThat(properties.shutdownDelay()).isEqualTo(Duration.ofMillis(200));
        });
    }

    @Test
    void relativePathsAreFileSystemPathsUnderTheWorkingDirectory() {
        runner.withPropertyValues("agent.home=.", "agent.resources-file=resources.json")
                .run(context -> {
                    AgentProperties properties = context.getBean(AgentProperties.class);
                    assertThat(properties.home()).isEqualTo(Path.of("").toAbsolutePath());
                    assertThat(properties.resourcesFile())
                            .isEqualTo(Path.of("resources.json").toAbsolutePath());
                });
    }

    @Test
    void bindsEveryValue() {
        runner.withPropertyValues(
                        "agent.home=/tmp/vfs-home/../vfs",
                        "agent.resources-file=/tmp/r.json",
                        "agent.manager-url=http://127.0.0.1:9000",
                        "agent.token=abc",
                        "agent.shutdown-requires-token=true",
                        "agent.shutdown-delay=1s")
                .run(context -> {
                    AgentProperties properties = context.getBean(AgentProperties.class);
                    assertThat(properties.home()).isEqualTo(Path.of("/tmp/vfs"));
                    assertThat(properties.resourcesFile()).isEqualTo(Path.of("/tmp/r.json"));
                    assertThat(properties.managerUrl()).isEqualTo(URI.create("http://127.0.0.1:9000"));
                    assertThat(properties.token()).isEqualTo("abc");
                    assertThat(properties.shutdownRequiresToken()).isTrue();
                    assertThat(properties.shutdownDelay()).isEqualTo(Duration.ofSeconds(1));
                });
    }

    @Test
    void blankNameFailsStart() {
        runner.withPropertyValues("agent.name= ")
                .run(context ->
                        assertThat(context).hasFailed().getFailure().rootCause().hasMessageContaining("agent.name"));
    }

    @Test
    void requiringTheTokenWithoutOneFailsStartNamingTheVariables() {
        runner.withPropertyValues("agent.shutdown-requires-token=true", "agent.token= ")
                .run(context -> assertThat(context)
                        .hasFailed()
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("AGENT_TOKEN")
                        .hasMessageContaining("AGENT_SHUTDOWN_REQUIRES_TOKEN"));
    }

    @Test
    void malformedValuesFailStartNamingTheProperty() {
        runner.withPropertyValues("agent.shutdown-delay=soon")
                .run(context ->
                        assertThat(context).hasFailed().getFailure().hasStackTraceContaining("agent.shutdown-delay"));
        runner.withPropertyValues("agent.shutdown-requires-token=maybe")
                .run(context -> assertThat(context)
                        .hasFailed()
                        .getFailure()
                        .hasStackTraceContaining("agent.shutdown-requires-token"));
        runner.withPropertyValues("agent.manager-url=localhost:8000")
                .run(context -> assertThat(context)
                        .hasFailed()
                        .getFailure()
                        .hasStackTraceContaining("MANAGER_URL (agent.manager-url)"));
    }

    @Test
    void toStringHidesTheToken() {
        runner.withPropertyValues("agent.token=very-secret")
                .run(context -> assertThat(
                                context.getBean(AgentProperties.class).toString())
                        .doesNotContain("very-secret")
                        .contains("token=****"));
    }
}
