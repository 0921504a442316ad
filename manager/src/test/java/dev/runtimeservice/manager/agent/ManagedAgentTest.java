package dev.runtimeservice.manager.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runtimeservice.manager.agent.catalog.AgentDescriptor;
import dev.runtimeservice.manager.agent.catalog.RestartPolicy;
import dev.runtimeservice.manager.limits.Limits;
import dev.runtimeservice.manager.resources.ResourcesSnapshot;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A launch's state and its facts change only through transitions that {@link AgentState#canMoveTo} allows. */
class ManagedAgentTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void aLaunchMovesOnlyAlongAllowedTransitions() {
        ManagedAgent agent = launch();

        assertThat(agent.moveTo(AgentState.STOPPED)).isFalse();
        assertThat(agent.moveTo(AgentState.RUNNING)).isTrue();
        assertThat(agent.moveTo(AgentState.STOPPING)).isTrue();
        assertThat(agent.fail("too late", 1)).isFalse();
        assertThat(agent.moveTo(AgentState.STOPPED)).isTrue();
        assertThat(agent.moveTo(AgentState.RUNNING)).isFalse();
        assertThat(agent.launchState()).isEqualTo(new LaunchState.Stopped(null));
    }

    @Test
    void theFactsOfAnEndBelongToTheStateThatFollowsIt() {
        ManagedAgent agent = launch();
        agent.moveTo(AgentState.RUNNING);
        agent.markKilledAsHung();
        assertThat(agent.killedAsHung()).isTrue();

        agent.backOff("crashed", 137, NOW.plusSeconds(1));

        assertThat(agent.launchState()).isEqualTo(new LaunchState.BackingOff("crashed", 137, NOW.plusSeconds(1)));
        assertThat(agent.killedAsHung()).isFalse();
        assertThat(agent.nextRestartAt()).contains(NOW.plusSeconds(1));
        assertThat(agent.failure()).contains("crashed");
    }

    @Test
    void aRestartThatFailsWithoutAnExitCodeKeepsTheOneKnownBefore() {
        ManagedAgent agent = ManagedAgent.ended(descriptor(), "id", 21000, NOW, 1, ResourcesSnapshot.NONE, "exited", 3);

        agent.backOff("failed to restart", null, NOW.plusSeconds(2));

        assertThat(agent.exitCode()).contains(3);
        assertThat(agent.state()).isEqualTo(AgentState.BACKOFF);
    }

    @Test
    void statesWithFactsCannotBeEnteredWithoutThem() {
        assertThatThrownBy(() -> launch().moveTo(AgentState.FAILED))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("needs its reason");
    }

    private static ManagedAgent launch() {
        return new ManagedAgent(descriptor(), "id", 21000, "127.0.0.1", "token", ResourcesSnapshot.NONE, 0, null, NOW);
    }

    private static AgentDescriptor descriptor() {
        Path home = Path.of("/tmp/agents/echo");
        return new AgentDescriptor(
                "echo",
                "",
                home,
                null,
                List.of("agent"),
                List.of(),
                null,
                "/health",
                null,
                0,
                Map.of(),
                RestartPolicy.ON_FAILURE,
                "/health",
                Limits.NONE,
                null, /* no image: the local backend */
                null);
    }
}
