package dev.runtimeservice.manager.console;

import dev.runtimeservice.manager.config.SettingChecks;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What the web console shows besides the API's answers.
 *
 * @param usagePeriod how often each running agent's CPU and memory are recorded for the console's charts
 * @param usageSamples how many of those records are kept per agent (120 at 5 s: the last ten minutes)
 */
@ConfigurationProperties("runtime.console")
public record ConsoleProperties(
        @DefaultValue("5s") Duration usagePeriod,
        @DefaultValue("120") int usageSamples) {

    public ConsoleProperties {
        SettingChecks.atLeast("runtime.console.usage-samples", usageSamples, 1);
    }
}
