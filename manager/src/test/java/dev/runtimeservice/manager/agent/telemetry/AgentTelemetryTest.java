package dev.runtimeservice.manager.agent.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runtimeservice.manager.agent.AgentState;
import dev.runtimeservice.manager.agent.fake.AgentTestbed;
import dev.runtimeservice.manager.agent.fake.FakeAgentProcess;
import dev.runtimeservice.manager.error.AgentExitedDuringStartException;
import dev.runtimeservice.manager.events.AgentStateChanged;
import dev.runtimeservice.manager.process.AgentUsage;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The per-agent Prometheus series and the spans of a launch, read from a real Prometheus registry's scrape while the
 * manager's agent logic runs on the fake host (no process is started).
 */
class AgentTelemetryTest {

    private static final String AGENT = "command: [agent]\nhealth: /health\n";

    @TempDir
    Path root;

    private final PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final List<String> spans = new CopyOnWriteArrayList<>();
    private AgentTestbed testbed;

    @BeforeEach
    void start() {
        ObservationRegistry observations = ObservationRegistry.create();
        observations.observationConfig().observationHandler(new DefaultMeterObservationHandler(prometheus));
        observations.observationConfig().observationHandler(new SpanNames(spans));
        testbed = new AgentTestbed(root)
                .agent("flaky", AGENT)
                .agent("broken", AGENT)
                .telemetry(prometheus, observations)
                .start();
        testbed.bean(AgentGauges.class).bindTo(prometheus);
    }

    @AfterEach
    void close() {
        testbed.close();
    }

    @Test
    void aRunningAgentShowsItsStateCpuAndMemoryPerAgent() {
        testbed.manager().launch(List.of("flaky"), Map.of());
        FakeAgentProcess process = testbed.host().launched("flaky").get(0);
        testbed.host().reportUsage(process, new AgentUsage(150.0, 73_400_320L, null));

        String scrape = prometheus.scrape();

        assertThat(scrape)
                .contains("runtime_agent_state{agent=\"flaky\",state=\"RUNNING\"} 1.0")
                .contains("runtime_agent_state{agent=\"flaky\",state=\"STARTING\"} 0.0")
                .contains("runtime_agent_state{agent=\"broken\",state=\"RUNNING\"} 0.0")
                .contains("runtime_agent_cpu_usage_ratio{agent=\"flaky\"} 1.5")
                .contains("runtime_agent_resident_memory_bytes{agent=\"flaky\"} 7.340032E7")
                .contains("runtime_agent_resident_memory_bytes{agent=\"broken\"} NaN");
    }

    @Test
    void anAgentAddedToTheCatalogAfterTheStartGetsItsSeriesFromItsFirstLaunch() {
        testbed.agent("late", AGENT);
        assertThat(prometheus.scrape()).doesNotContain("agent=\"late\"");

        testbed.manager().launch(List.of("late"), Map.of());
        // In the manager, the events package publishes this for the launch's first state (STARTING); the testbed
        // has no events package, so the test hands it over as that publisher would.
        testbed.bean(AgentGauges.class)
                .onStateChanged(new AgentStateChanged(
                        1, Instant.now(), "late", "launch-1", AgentState.STARTING, null, null, null, null, 0, 0, null));

        assertThat(prometheus.scrape())
                .contains("runtime_agent_state{agent=\"late\",state=\"RUNNING\"} 1.0")
                .contains("runtime_agent_resident_memory_bytes{agent=\"late\"}");
    }

    @Test
    void aLaunchIsTimedToReadyWithWhetherAStandbyOrAnArchiveWasUsedAndHasASpanPerStep() {
        testbed.manager().launch(List.of("flaky"), Map.of());

        assertThat(prometheus.scrape())
                .contains("runtime_agent_launch_seconds_count{agent=\"flaky\",archive=\"none\",error=\"none\","
                        + "standby=\"false\"} 1");
        assertThat(spans).containsExactly("start slot wait", "spawn", "readiness", "agent launch");
    }

    @Test
    void aCrashIsAFailureAndItsRestartIsCountedWithTheSameReason() {
        testbed.manager().launch(List.of("flaky"), Map.of());
        testbed.host().launched("flaky").get(0).exit(1);
        testbed.passTime(Duration.ofSeconds(1));
        assertThat(testbed.host().launched("flaky")).hasSize(2);

        String scrape = prometheus.scrape();
        assertThat(scrape)
                .contains("runtime_agent_failures_total{agent=\"flaky\",reason=\"exited_with_error\"} 1.0")
                .contains("runtime_agent_restarts_total{agent=\"flaky\",reason=\"exited_with_error\"} 1.0")
                .contains("runtime_agent_launch_seconds_count{agent=\"flaky\",archive=\"none\",error=\"none\","
                        + "standby=\"false\"} 2");
    }

    @Test
    void aStartThatFailsIsCountedByItsReasonAndItsLaunchRecordsTheError() {
        testbed.host().onLaunch("broken", process -> process.exit(3));

        assertThatThrownBy(() -> testbed.manager().launch(List.of("broken"), Map.of()))
                .isInstanceOf(AgentExitedDuringStartException.class);

        assertThat(prometheus.scrape())
                .contains("runtime_agent_failures_total{agent=\"broken\",reason=\"exited_during_start\"} 1.0")
                .contains("runtime_agent_state{agent=\"broken\",state=\"FAILED\"} 1.0")
                .contains("error=\"AgentExitedDuringStartException\"")
                .doesNotContain("runtime_agent_restarts_total{agent=\"broken\"");
    }

    @Test
    void aStopIsNeitherAFailureNorARestart() {
        testbed.manager().launch(List.of("flaky"), Map.of());
        testbed.manager().stop(List.of("flaky"));

        assertThat(prometheus.scrape())
                .doesNotContain("runtime_agent_failures_total")
                .doesNotContain("runtime_agent_restarts_total")
                .contains("runtime_agent_state{agent=\"flaky\",state=\"RUNNING\"} 0.0");
    }

    /** Records the span name of each observation as it stops. */
    private record SpanNames(List<String> names) implements ObservationHandler<Observation.Context> {

        @Override
        public void onStop(Observation.Context context) {
            names.add(String.valueOf(context.getContextualName()));
        }

        @Override
        public boolean supportsContext(Observation.Context context) {
            return true;
        }
    }
}
