package dev.runtimeservice.agent.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

class OrchestratorPropertiesTests {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(OrchestratorProperties.class)
    static class Config {}

    private final ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(Config.class);

    @Test
    void defaultsAreTheDocumentedOnesAndABlankKeyIsNone() {
        runner.withPropertyValues("orchestrator.manager-api-key= ").run(context -> {
            OrchestratorProperties properties = context.getBean(OrchestratorProperties.class);
            assertThat(properties.discoveryInterval()).isEqualTo(Duration.ofSeconds(30));
            assertThat(properties.callTimeout()).isEqualTo(Duration.ofSeconds(30));
            assertThat(properties.minScore()).isEqualTo(0.40);
            assertThat(properties.managerApiKey()).isNull();
        });
    }

    @Test
    void theKeyNeverShowsInTheDescription() {
        runner.withPropertyValues("orchestrator.manager-api-key=s3cr3t")
                .run(context -> assertThat(
                                context.getBean(OrchestratorProperties.class).toString())
                        .contains("****")
                        .doesNotContain("s3cr3t"));
    }

    @Test
    void aScoreOutsideZeroToOneStopsTheStart() {
        runner.withPropertyValues("orchestrator.min-score=1.5")
                .run(context -> assertThat(context).hasFailed());
    }
}
