package dev.runtimeservice.agent.sdk.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import dev.runtimeservice.agent.sdk.testapp.TestAgentApplication;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;

class HeapCompactionTests {

    private final List<String> events = new ArrayList<>();

    @Test
    void itCollectsOnlyWhenTheAgentAsksForIt() {
        new HeapCompaction(true, () -> events.add("collected")).onApplicationEvent(mock(ApplicationReadyEvent.class));
        new HeapCompaction(false, () -> events.add("not wanted")).onApplicationEvent(mock(ApplicationReadyEvent.class));

        assertThat(events).containsExactly("collected");
    }

    @Test
    void theCollectionRunsOnceTheAgentHasStartedAndBeforeItReportsReady() {
        try (ConfigurableApplicationContext context = start("agent.compact-heap-after-start=true")) {
            assertThat(context.getBean(HeapCompaction.class).enabled()).isTrue();
            assertThat(events).containsExactly("collected", "ready");
        }
    }

    @Test
    void agentsDoNotCompactByDefault() {
        try (ConfigurableApplicationContext context = start()) {
            assertThat(context.getBean(HeapCompaction.class).enabled()).isFalse();
        }
    }

    /** Starts the test agent; a second compaction, recording instead of collecting, shows when it runs. */
    private ConfigurableApplicationContext start(String... properties) {
        ApplicationListener<AvailabilityChangeEvent<?>> readiness = event -> {
            if (event.getState() == ReadinessState.ACCEPTING_TRAFFIC) {
                events.add("ready");
            }
        };
        ApplicationListener<ApplicationReadyEvent> recording = new HeapCompaction(true, () -> events.add("collected"));
        return new SpringApplicationBuilder(TestAgentApplication.class)
                .properties("server.port=0", "agent.name=compacting-agent")
                .properties(properties)
                .listeners(readiness, recording)
                .run();
    }
}
