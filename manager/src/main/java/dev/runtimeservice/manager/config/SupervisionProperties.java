package dev.runtimeservice.manager.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

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
@ConfigurationProperties("runtime.supervision")
public record SupervisionProperties(
        @DefaultValue("1s") Duration initialBackoff,

        @DefaultValue("60s") Duration maxBackoff,

        @DefaultValue("0.2") double jitter,
        @DefaultValue("5") int maxFailures,
        @DefaultValue("5m") Duration failureWindow,
        @DefaultValue("60s") Duration stableAfter,

        @DefaultValue("5s") Duration livenessPeriod,

        @DefaultValue("2s") Duration livenessTimeout,

        @DefaultValue("3") int livenessFailures) {

    public SupervisionProperties {
        SettingChecks.atLeast("runtime.supervision.initial-backoff", initialBackoff, Duration.ofMillis(10));
        SettingChecks.atLeast("runtime.supervision.max-backoff", maxBackoff, Duration.ofMillis(10));
        SettingChecks.atLeast("runtime.supervision.max-failures", maxFailures, 1);
        SettingChecks.present("runtime.supervision.failure-window", failureWindow);
        SettingChecks.present("runtime.supervision.stable-after", stableAfter);
        SettingChecks.atLeast("runtime.supervision.liveness-period", livenessPeriod, Duration.ofMillis(50));
        SettingChecks.atLeast("runtime.supervision.liveness-timeout", livenessTimeout, Duration.ofMillis(50));
        SettingChecks.atLeast("runtime.supervision.liveness-failures", livenessFailures, 1);
    }
}
