package dev.runtimeservice.manager.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtimeservice.manager.agent.AgentState;
import dev.runtimeservice.manager.agent.fake.AgentTestbed;
import dev.runtimeservice.manager.agent.fake.FakeAgentProcess;
import dev.runtimeservice.manager.console.UsageHistory.Sample;
import dev.runtimeservice.manager.process.AgentUsage;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console's usage records, taken by calling {@link UsageHistory#record} as its background task does, from the
 * agents of a real lifecycle on a fake host that reports what the test says, with a manual clock: no process runs
 * and nothing waits.
 */
class UsageHistoryTest {

    private static final String AGENT = "command: [agent]\nhealth: /health\n";

    @TempDir
    Path root;

    private AgentTestbed testbed;
    private UsageHistory history;

    @BeforeEach
    void start() {
        testbed = new AgentTestbed(root)
                .agent("echo", AGENT)
                .agent("flaky", AGENT)
                .start();
        ConsoleProperties properties = new ConsoleProperties(Duration.ofSeconds(5), 3);
        history = new UsageHistory(properties, testbed.registry(), testbed.host(), testbed.clock());
    }

    @AfterEach
    void close() {
        testbed.close();
    }

    @Test
    void eachRecordHoldsWhatTheHostMeasuredThenOldestFirstAndOnlyTheLastFewAreKept() {
        FakeAgentProcess echo = launch("echo");
        Instant first = testbed.clock().instant();
        for (int i = 1; i <= 5; i++) {
            testbed.host().reportUsage(echo, new AgentUsage(i * 10.0, i * 1_000_000L, null));
            history.record();
            testbed.clock().advance(Duration.ofSeconds(5));
        }

        assertThat(history.all()).containsOnlyKeys("echo");
        assertThat(history.all().get("echo"))
                .containsExactly(
                        new Sample(first.plusSeconds(10), 30.0, 3_000_000L),
                        new Sample(first.plusSeconds(15), 40.0, 4_000_000L),
                        new Sample(first.plusSeconds(20), 50.0, 5_000_000L));
    }

    @Test
    void anAgentItsHostHasNotSampledYetHasNoRecordsAndOneFigureIsEnough() {
        FakeAgentProcess echo = launch("echo");
        history.record();
        assertThat(history.all()).isEmpty();

        testbed.host().reportUsage(echo, new AgentUsage(null, 2_000_000L, null));
        history.record();

        assertThat(history.all().get("echo")).extracting(Sample::memoryBytes).containsExactly(2_000_000L);
        assertThat(history.all().get("echo")).extracting(Sample::cpuPercent).containsOnlyNulls();
    }

    @Test
    void aStoppedAgentIsForgottenWhileOneThatWaitsForItsRestartKeepsItsRecordsWithoutNewOnes() {
        FakeAgentProcess echo = launch("echo");
        FakeAgentProcess flaky = launch("flaky");
        testbed.host().reportUsage(echo, new AgentUsage(1.0, 1L, null));
        testbed.host().reportUsage(flaky, new AgentUsage(2.0, 2L, null));
        history.record();

        testbed.manager().stop(List.of("echo"));
        flaky.exit(1);
        assertThat(testbed.current("flaky").state()).isEqualTo(AgentState.BACKOFF);
        history.record();

        assertThat(history.all()).containsOnlyKeys("flaky");
        assertThat(history.all().get("flaky")).extracting(Sample::cpuPercent).containsExactly(2.0);
    }

    private FakeAgentProcess launch(String name) {
        testbed.manager().launch(List.of(name), Map.of());
        return testbed.host().launched(name).get(0);
    }
}
