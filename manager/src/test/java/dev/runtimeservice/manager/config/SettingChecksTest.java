package dev.runtimeservice.manager.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.runtimeservice.manager.console.ConsoleProperties;
import dev.runtimeservice.manager.events.EventsProperties;
import dev.runtimeservice.manager.faststart.FastStartProperties;
import dev.runtimeservice.manager.kubernetes.BackendProperties;
import dev.runtimeservice.manager.security.SecurityProperties;
import dev.runtimeservice.manager.state.StateProperties;
import dev.runtimeservice.manager.streaming.StreamingProperties;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.env.StandardEnvironment;

/**
 * Every settings record refuses the values it cannot work with as it is bound, with the start-up message users read
 * (RuntimeProperties has its own test).
 */
class SettingChecksTest {

    private static final Map<String, Class<?>> RECORDS = Map.of(
            "runtime.supervision", SupervisionProperties.class,
            "runtime.backend", BackendProperties.class,
            "runtime.fast-start", FastStartProperties.class,
            "runtime.state", StateProperties.class,
            "runtime.streaming", StreamingProperties.class,
            "runtime.events", EventsProperties.class,
            "runtime.security", SecurityProperties.class,
            "runtime.console", ConsoleProperties.class);

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            runtime.supervision|liveness-period|10ms|runtime.supervision.liveness-period must be at least 50 ms (was
            runtime.supervision|max-failures|0|runtime.supervision.max-failures must be at least 1 (was '0')
            runtime.supervision|initial-backoff|1ms|runtime.supervision.initial-backoff must be at least 10 ms
            runtime.backend|kind|docker|RUNTIME_BACKEND (runtime.backend.kind) must be local or kubernetes (was
            runtime.backend|namespace|' '|RUNTIME_NAMESPACE (runtime.backend.namespace) must not be blank
            runtime.streaming|max-streams|0|runtime.streaming.max-streams must be at least 1 (was '0')
            runtime.events|buffer-size|0|runtime.events.buffer-size must be at least 1 (was '0')
            runtime.security|max-request-bytes|100|runtime.security.max-request-bytes must be at least 1024 (was '100')
            runtime.security|max-resource-depth|0|runtime.security.max-resource-depth must be at least 1
            runtime.console|usage-samples|0|runtime.console.usage-samples must be at least 1 (was '0')
            """)
    void aValueARecordCannotWorkWithStopsTheStartWithItsName(
            String prefix, String property, String value, String expected) {
        Binder binder = new Binder(new MapConfigurationPropertySource(Map.of(prefix + "." + property, value)));

        Throwable failure = catchThrowable(() -> binder.bindOrCreate(prefix, RECORDS.get(prefix)));

        FailureAnalysis analysis = new ConfigurationFailureAnalyzer(new StandardEnvironment()).analyze(failure);
        assertThat(analysis).isNotNull();
        assertThat(analysis.getDescription()).startsWith("Invalid configuration: " + expected);
        assertThat(analysis.getAction()).contains("config/application.yml");
    }

    @ParameterizedTest
    @CsvSource({
        "runtime.supervision",
        "runtime.backend",
        "runtime.fast-start",
        "runtime.state",
        "runtime.streaming",
        "runtime.events",
        "runtime.security",
        "runtime.console"
    })
    void theDefaultsPass(String prefix) {
        Binder binder = new Binder(new MapConfigurationPropertySource(Map.of()));

        assertThat(binder.bindOrCreate(prefix, RECORDS.get(prefix))).isNotNull();
    }
}
