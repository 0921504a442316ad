package dev.runtimeservice.manager.config;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the manager keeps agents alive: restart backoff and budget, and liveness probing. Set under
 * {@code runtime.supervision} in {@code config/application.yml}.
 *
 * @param initialBackoff wait before the first restart; it doubles after each failure
 * @param maxBackoff the longest wait between restarts
 * @param jitter the random share added to or taken from each wait, so agents do not restart in step
 * @param maxFailures failures within {@code failureWindow} after which the agent is FAILED for good
 * @param failureWindow the window in which failures are counted
 * @param stableAfter uptime after which earlier failures are forgotten and the backoff starts again
 * @param livenessPeriod how often each running agent's liveness path is probed
 * @param livenessTimeout how long one liveness probe may take
 * @param livenessFailures consecutive failed probes after which the agent is killed as hung
 */
@Validated
@ConfigurationProperties("runtime.supervision")
public record SupervisionProperties(
        @NotNull @DurationMin(millis = 10) @DefaultValue("1s")
        Duration initialBackoff,

        @NotNull @DurationMin(millis = 10) @DefaultValue("60s")
        Duration maxBackoff,

        @DefaultValue("0.2") double jitter,
        @Min(1) @DefaultValue("5") int maxFailures,
        @NotNull @DefaultValue("5m") Duration failureWindow,
        @NotNull @DefaultValue("60s") Duration stableAfter,

        @NotNull @DurationMin(millis = 50) @DefaultValue("5s")
        Duration livenessPeriod,

        @NotNull @DurationMin(millis = 50) @DefaultValue("2s")
        Duration livenessTimeout,

        @Min(1) @DefaultValue("3") int livenessFailures) {}
