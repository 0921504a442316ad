package dev.runtimeservice.manager.agent.launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runtimeservice.manager.agent.ManagedAgent;
import dev.runtimeservice.manager.agent.catalog.AgentDescriptor;
import dev.runtimeservice.manager.agent.catalog.RestartPolicy;
import dev.runtimeservice.manager.config.RuntimeProperties;
import dev.runtimeservice.manager.error.AgentStoppedDuringStartException;
import dev.runtimeservice.manager.limits.Limits;
import dev.runtimeservice.manager.resources.ResourcesSnapshot;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class StartSlotsTest {

    @Test
    void aStartWaitsForAFreeSlot() throws Exception {
        StartSlots slots = new StartSlots(properties(1));
        slots.acquire(agent("first"));

        CompletableFuture<Void> second = CompletableFuture.runAsync(() -> slots.acquire(agent("second")));
        Thread.sleep(200);
        assertThat(second).as("one slot: the second start waits").isNotDone();

        slots.release();
        second.get(5, TimeUnit.SECONDS);
    }

    @Test
    void aStopEndsTheWaitForASlot() {
        StartSlots slots = new StartSlots(properties(1));
        slots.acquire(agent("first"));
        ManagedAgent waiting = agent("second");
        waiting.requestStop();

        assertThatThrownBy(() -> slots.acquire(waiting)).isInstanceOf(AgentStoppedDuringStartException.class);
    }

    @Test
    void zeroMeansOneSlotPerCore() {
        assertThat(properties(0).startSlots()).isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(properties(3).startSlots()).isEqualTo(3);
    }

    private static RuntimeProperties properties(int slots) {
        return new RuntimeProperties(
                false,
                8001,
                12001,
                Path.of("agents"),
                Path.of("logs"),
                Duration.ofSeconds(5),
                Duration.ofSeconds(5),
                "127.0.0.1",
                "INFO",
                slots);
    }

    private static ManagedAgent agent(String name) {
        AgentDescriptor descriptor = new AgentDescriptor(
                name,
                "",
                Path.of("/srv/agents", name),
                null,
                List.of("python3", "agent.py"),
                List.of(),
                null,
                "/health",
                null,
                0,
                Map.of(),
                RestartPolicy.NEVER,
                "/health",
                Limits.NONE,
                null, /* no image: the local backend */
                null);
        return new ManagedAgent(
                descriptor,
                "launch-" + name,
                23000,
                "127.0.0.1",
                "token",
                ResourcesSnapshot.NONE,
                0,
                null,
                Instant.now());
    }
}
