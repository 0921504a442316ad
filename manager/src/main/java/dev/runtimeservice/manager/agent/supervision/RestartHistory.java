package dev.runtimeservice.manager.agent.supervision;

import dev.runtimeservice.manager.config.SupervisionProperties;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * The recent failures of one agent, and from them the wait before its next restart: exponential backoff
 * with jitter, forgotten after a stable uptime, and a budget of failures per window after which the agent
 * is not restarted any more.
 */
final class RestartHistory {

    private final SupervisionProperties settings;
    private final DoubleSupplier random;
    private final Deque<Instant> failures = new ArrayDeque<>();

    RestartHistory(SupervisionProperties settings, DoubleSupplier random) {
        this.settings = settings;
        this.random = random;
    }

    /**
     * Records a failure of a launch that had been up for {@code uptime}; returns the wait before the next
     * restart, or empty when the budget is spent.
     */
    synchronized Optional<Duration> failed(Instant now, Duration uptime) {
        if (uptime.compareTo(settings.stableAfter()) >= 0) {
            failures.clear();
        }
        failures.addLast(now);
        while (!failures.isEmpty() && failures.peekFirst().isBefore(now.minus(settings.failureWindow()))) {
            failures.removeFirst();
        }
        if (failures.size() >= settings.maxFailures()) {
            return Optional.empty();
        }
        return Optional.of(backoff(failures.size()));
    }

    synchronized int recentFailures() {
        return failures.size();
    }

    private Duration backoff(int failureCount) {
        double base = settings.initialBackoff().toMillis() * Math.pow(2, failureCount - 1);
        double capped = Math.min(base, settings.maxBackoff().toMillis());
        double jittered = capped * (1 + settings.jitter() * (2 * random.getAsDouble() - 1));
        return Duration.ofMillis(Math.max(1, Math.round(jittered)));
    }
}
