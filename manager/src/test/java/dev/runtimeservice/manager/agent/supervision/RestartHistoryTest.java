package dev.runtimeservice.manager.agent.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtimeservice.manager.config.SupervisionProperties;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RestartHistoryTest {

    private static final Instant T0 = Instant.parse("2026-11-25T12:00:00Z");
    private final SupervisionProperties settings = new SupervisionProperties(
            Duration.ofSeconds(1),
            Duration.ofSeconds(60),
            0.2,
            5,
            Duration.ofMinutes(5),
            Duration.ofSeconds(60),
            Duration.ofSeconds(5),
            Duration.ofSeconds(2),
            3);

    @Test
    void theWaitDoublesFromOneSecondUpToTheCapWithoutJitterAtTheMiddle() {
        RestartHistory history = new RestartHistory(withMaxFailures(20), () -> 0.5);
        long[] waits = new long[8];
        for (int i = 0; i < waits.length; i++) {
            waits[i] = history.failed(T0.plusSeconds(i), Duration.ofSeconds(1))
                    .orElseThrow()
                    .toMillis();
        }
        assertThat(waits).containsExactly(1000, 2000, 4000, 8000, 16000, 32000, 60000, 60000);
    }

    @Test
    void jitterStaysWithinItsShare() {
        assertThat(new RestartHistory(settings, () -> 0.0).failed(T0, Duration.ZERO))
                .contains(Duration.ofMillis(800));
        assertThat(new RestartHistory(settings, () -> 1.0).failed(T0, Duration.ZERO))
                .contains(Duration.ofMillis(1200));
    }

    @Test
    void theBudgetIsSpentAfterMaxFailuresWithinTheWindow() {
        RestartHistory history = new RestartHistory(settings, () -> 0.5);
        for (int i = 0; i < 4; i++) {
            assertThat(history.failed(T0.plusSeconds(i), Duration.ofSeconds(1))).isPresent();
        }
        assertThat(history.failed(T0.plusSeconds(5), Duration.ofSeconds(1))).isEmpty();
    }

    @Test
    void failuresOutsideTheWindowAndBeforeAStableUptimeAreForgotten() {
        RestartHistory history = new RestartHistory(settings, () -> 0.5);
        for (int i = 0; i < 4; i++) {
            history.failed(T0.plusSeconds(i), Duration.ofSeconds(1));
        }
        assertThat(history.failed(T0.plusSeconds(400), Duration.ofSeconds(1))).contains(Duration.ofSeconds(1));
        history.failed(T0.plusSeconds(401), Duration.ofSeconds(1));
        assertThat(history.failed(T0.plusSeconds(500), Duration.ofMinutes(2))).contains(Duration.ofSeconds(1));
        assertThat(history.recentFailures()).isEqualTo(1);
    }

    private SupervisionProperties withMaxFailures(int maxFailures) {
        return new SupervisionProperties(
                settings.initialBackoff(),
                settings.maxBackoff(),
                settings.jitter(),
                maxFailures,
                settings.failureWindow(),
                settings.stableAfter(),
                settings.livenessPeriod(),
                settings.livenessTimeout(),
                settings.livenessFailures());
    }
}
