package dev.runtimeservice.manager.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.runtimeservice.manager.agent.fake.AgentTestbed;
import dev.runtimeservice.manager.agent.fake.FakeAgentProcess;
import dev.runtimeservice.manager.error.AgentExitedDuringStartException;
import dev.runtimeservice.manager.error.AgentStoppedDuringStartException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Launch, readiness, crash, restart with backoff, the failure budget, liveness and stop, driven through a fake
 * {@link dev.runtimeservice.manager.process.AgentHost}: no process is forked and nothing sleeps. The same cases run
 * against real processes, slower, in {@code SupervisionIT}, {@code FailuresIT} and {@code LaunchListStopIT}.
 */
class LifecycleTest {

    private static final String AGENT = "command: [agent]\nhealth: /health\nshutdown: /shutdown\n";

    @TempDir
    Path root;

    private AgentTestbed testbed;

    @AfterEach
    void close() {
        testbed.close();
    }

    private AgentTestbed start(String name, String yaml) {
        testbed = new AgentTestbed(root).agent(name, yaml).start();
        return testbed;
    }

    @Test
    void aLaunchIsRunningOnceItsProcessIsReadyAndItsPlanCarriesTheAgentContract() {
        start("echo", AGENT);

        List<AgentOutcome> outcomes = testbed.manager().launch(List.of("echo"), Map.of("key", "value"));

        ManagedAgent echo = testbed.current("echo");
        FakeAgentProcess process = testbed.host().launched("echo").get(0);
        assertThat(outcomes).extracting(AgentOutcome::action).containsExactly(LaunchAction.STARTED);
        assertThat(echo.state()).isEqualTo(AgentState.RUNNING);
        assertThat(echo.pid()).contains(process.pid());
        assertThat(process.plan().argv()).containsExactly("agent");
        assertThat(process.plan().env())
                .containsEntry("AGENT_PORT", Integer.toString(echo.port()))
                .containsEntry("AGENT_ID", echo.id())
                .containsEntry("AGENT_NAME", "echo");
        assertThat(root.resolve("agents/echo/resources.json")).exists();
    }

    @Test
    void aLaunchOfARunningAgentLeavesItAsItIsUnlessItBringsOtherResources() {
        start("echo", AGENT);
        testbed.manager().launch(List.of("echo"), Map.of("key", "one"));

        assertThat(testbed.manager().launch(List.of("echo"), Map.of()))
                .extracting(AgentOutcome::action)
                .containsExactly(LaunchAction.ALREADY_RUNNING);
        assertThat(testbed.manager().launch(List.of("echo"), Map.of("key", "two")))
                .extracting(AgentOutcome::action)
                .containsExactly(LaunchAction.RESTARTED);
        assertThat(testbed.host().launched("echo")).hasSize(2);
        assertThat(testbed.host().stopped())
                .containsExactly(testbed.host().launched("echo").get(0));
    }

    @Test
    void aCrashIsRestartedAfterABackoffThatDoublesWithEachFailure() {
        start("flaky", AGENT);
        testbed.manager().launch(List.of("flaky"), Map.of());

        testbed.host().launched("flaky").get(0).exit(1);

        ManagedAgent waiting = testbed.current("flaky");
        assertThat(waiting.state()).isEqualTo(AgentState.BACKOFF);
        assertThat(waiting.failure())
                .hasValueSatisfying(reason -> assertThat(reason).contains("with code 1"));
        assertThat(waiting.nextRestartAt()).contains(testbed.clock().instant().plusSeconds(1));
        testbed.passTime(Duration.ofMillis(999));
        assertThat(testbed.host().launched("flaky")).hasSize(1);

        testbed.passTime(Duration.ofMillis(1));
        ManagedAgent restarted = testbed.current("flaky");
        assertThat(restarted.state()).isEqualTo(AgentState.RUNNING);
        assertThat(restarted.restarts()).isEqualTo(1);
        assertThat(restarted.restartedAfter())
                .hasValueSatisfying(reason -> assertThat(reason).contains("code 1"));

        testbed.host().launched("flaky").get(1).exit(1);
        assertThat(testbed.current("flaky").nextRestartAt())
                .contains(testbed.clock().instant().plusSeconds(2));
    }

    @Test
    void anAgentThatSpendsItsFailureBudgetStaysFailedAndIsNotRestarted() {
        start("flaky", AGENT);
        testbed.manager().launch(List.of("flaky"), Map.of());

        testbed.host().launched("flaky").get(0).exit(1);
        testbed.passTime(Duration.ofSeconds(1));
        testbed.host().launched("flaky").get(1).exit(1);
        testbed.passTime(Duration.ofSeconds(2));
        testbed.host().launched("flaky").get(2).exit(1);

        ManagedAgent failed = testbed.current("flaky");
        assertThat(failed.state()).isEqualTo(AgentState.FAILED);
        assertThat(failed.failure())
                .hasValueSatisfying(reason ->
                        assertThat(reason).contains("it failed 3 times within 300 s, so it is not restarted again"));
        assertThat(failed.exitCode()).contains(1);
        testbed.passTime(Duration.ofMinutes(10));
        assertThat(testbed.host().launched("flaky")).hasSize(3);
    }

    @Test
    void anAgentWhoseRestartPolicyIsNeverFailsAtItsFirstCrash() {
        start("once", AGENT + "restart: never\n");
        testbed.manager().launch(List.of("once"), Map.of());

        testbed.host().launched("once").get(0).exit(2);

        assertThat(testbed.current("once").state()).isEqualTo(AgentState.FAILED);
        assertThat(testbed.current("once").failure())
                .hasValueSatisfying(reason -> assertThat(reason).contains("restart policy never"));
        assertThat(testbed.scheduler().dueTimes()).isEmpty();
    }

    @Test
    void anAgentThatStopsAnsweringItsLivenessProbeIsKilledAsHungAndRestarted() {
        start("hung", AGENT);
        testbed.manager().launch(List.of("hung"), Map.of());
        FakeAgentProcess process = testbed.host().launched("hung").get(0);

        process.answerLiveness(false);
        testbed.scheduler().runPeriodic();
        testbed.scheduler().runPeriodic();
        assertThat(testbed.current("hung").state()).isEqualTo(AgentState.RUNNING);
        testbed.scheduler().runPeriodic();

        assertThat(testbed.host().killed()).containsExactly(process);
        assertThat(testbed.current("hung").state()).isEqualTo(AgentState.BACKOFF);
        assertThat(testbed.current("hung").failure())
                .hasValueSatisfying(reason -> assertThat(reason).contains("was killed after 3 failed liveness probes"));
        testbed.passTime(Duration.ofSeconds(1));
        assertThat(testbed.current("hung").state()).isEqualTo(AgentState.RUNNING);
    }

    @Test
    void aStopWinsOverAStartInProgress() {
        start("slow", AGENT);
        testbed.host().holdReadiness("slow");
        CompletableFuture<List<AgentOutcome>> launch =
                CompletableFuture.supplyAsync(() -> testbed.manager().launch(List.of("slow"), Map.of()));
        await().until(() -> testbed.host().launched("slow").size() == 1);

        List<AgentOutcome> stop = testbed.manager().stop(List.of("slow"));

        assertThat(stop).extracting(AgentOutcome::action).containsExactly(LaunchAction.STOPPED);
        assertThatThrownBy(launch::join)
                .isInstanceOf(CompletionException.class)
                .hasCauseInstanceOf(AgentStoppedDuringStartException.class);
        assertThat(testbed.host().killed())
                .contains(testbed.host().launched("slow").get(0));
        assertThat(testbed.registry().find("slow")).isEmpty();
    }

    @Test
    void aStopWhileTheAgentWaitsForItsRestartCancelsTheRestart() {
        start("flaky", AGENT);
        testbed.manager().launch(List.of("flaky"), Map.of());
        testbed.host().launched("flaky").get(0).exit(1);

        List<AgentOutcome> stop = testbed.manager().stop(List.of("flaky"));

        assertThat(stop).extracting(AgentOutcome::action).containsExactly(LaunchAction.STOPPED);
        assertThat(stop.get(0).agent().exitCode())
                .as("the exit code of its crash")
                .contains(1);
        testbed.passTime(Duration.ofSeconds(5));

        assertThat(testbed.host().launched("flaky")).hasSize(1);
        assertThat(testbed.registry().find("flaky")).isEmpty();
    }

    @Test
    void aProcessThatExitsBeforeItIsReadyFailsTheLaunchAndFreesItsPort() {
        start("broken", AGENT);
        testbed.host().onLaunch("broken", process -> process.exit(3));

        assertThatThrownBy(() -> testbed.manager().launch(List.of("broken"), Map.of()))
                .isInstanceOf(AgentExitedDuringStartException.class)
                .hasMessageContaining("exited with code 3");

        ManagedAgent failed = testbed.current("broken");
        assertThat(failed.state()).isEqualTo(AgentState.FAILED);
        assertThat(failed.exitCode()).contains(3);
        assertThat(testbed.bean(dev.runtimeservice.manager.port.PortPool.class).given())
                .isEmpty();
        assertThat(testbed.host().launched("broken").get(0).outputDeleted()).isTrue();
    }
}
