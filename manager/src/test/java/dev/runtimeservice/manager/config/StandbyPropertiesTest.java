package dev.runtimeservice.manager.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** AGENT_STANDBY and AGENT_STANDBY_MEMORY as application.yml reads them from the environment. */
class StandbyPropertiesTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(Enable.class)
            .withPropertyValues(
                    "runtime.standby.agents=${AGENT_STANDBY:auto}", "runtime.standby.memory=${AGENT_STANDBY_MEMORY:}");

    @Test
    void byDefaultEveryAgentThatCanBeIsKeptWithinASixteenthOfTheMachinesMemory() {
        runner.run(context -> {
            StandbyProperties standby = context.getBean(StandbyProperties.class);
            assertThat(standby.auto()).isTrue();
            assertThat(standby.enabled()).isTrue();
            assertThat(standby.memoryBudgetBytes())
                    .isEqualTo(StandbyProperties.machineMemoryBytes() / StandbyProperties.DEFAULT_BUDGET_SHARE)
                    .isPositive();
        });
    }

    @Test
    void namesABudgetOrNoneAreTaken() {
        runner.withSystemProperties("AGENT_STANDBY=vfs, kendra", "AGENT_STANDBY_MEMORY=512MB")
                .run(context -> {
                    StandbyProperties standby = context.getBean(StandbyProperties.class);
                    assertThat(standby.named()).containsExactly("vfs", "kendra");
                    assertThat(standby.memoryBudgetBytes()).isEqualTo(512L << 20);
                });
        runner.withSystemProperties("AGENT_STANDBY=none")
                .run(context -> assertThat(
                                context.getBean(StandbyProperties.class).enabled())
                        .isFalse());
        runner.withSystemProperties("AGENT_STANDBY_MEMORY=0")
                .run(context -> assertThat(
                                context.getBean(StandbyProperties.class).enabled())
                        .isFalse());
        assertThat(new StandbyProperties(List.of(), null).enabled()).isFalse();
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(StandbyProperties.class)
    static class Enable {}
}
