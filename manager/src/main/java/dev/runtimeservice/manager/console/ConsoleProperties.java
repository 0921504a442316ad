package dev.runtimeservice.manager.console;

import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * What the web console shows besides the API's answers.
 *
 * @param usagePeriod how often each running agent's CPU and memory are recorded for the console's charts
 * @param usageSamples how many of those records are kept per agent (120 at 5 s: the last ten minutes)
 */
@Validated
@ConfigurationProperties("runtime.console")
public record ConsoleProperties(
        @DefaultValue("5s") Duration usagePeriod,
        @DefaultValue("120") @Min(1) int usageSamples) {}
