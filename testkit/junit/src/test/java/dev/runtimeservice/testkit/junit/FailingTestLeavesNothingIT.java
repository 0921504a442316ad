package dev.runtimeservice.testkit.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.runtimeservice.testkit.RuntimeManager;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/**
 * A test class whose test fails, run in this JVM through the JUnit Platform's test kit, with a tiny Python agent of
 * its own: its failure carries the agent's log tail, its {@code @Nested} class runs on the same manager with the
 * URLs injected, and afterwards no process, port or folder of its manager is left.
 */
class FailingTestLeavesNothingIT {

    @Test
    void aFailedTestGetsTheAgentsLogTailAndLeavesNothingBehind() {
        Events tests = EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(FailingFixture.class))
                .execute()
                .testEvents();

        tests.assertStatistics(stats -> stats.started(2).succeeded(1).failed(1));
        Throwable failure = tests.failed().stream()
                .findFirst()
                .orElseThrow()
                .getPayload(TestExecutionResult.class)
                .flatMap(TestExecutionResult::getThrowable)
                .orElseThrow();
        assertThat(failure).hasMessageContaining("on purpose");
        assertThat(failure.getSuppressed())
                .singleElement()
                .isInstanceOf(AgentLogTail.class)
                .extracting(Throwable::getMessage)
                .asString()
                .contains("agent tiny's log")
                .contains("tiny listening on port");

        assertThat(FailingFixture.seen)
                .as("what the outer and the @Nested test saw")
                .hasSize(2);
        Seen outer = FailingFixture.seen.get(0);
        Seen nested = FailingFixture.seen.get(1);
        assertThat(nested.pids().get(0))
                .as("the @Nested class's manager")
                .isEqualTo(outer.pids().get(0));
        assertThat(nested.urls())
                .as("the @Nested class's URLs, its own field's and its enclosing instance's")
                .containsExactly(outer.urls().get(1), outer.urls().get(1));

        assertThat(outer.pids()).hasSize(2).noneMatch(TestProcesses::alive);
        // The manager's port is one the OS chose; the agent's port, of the run's range, may be taken again at once by
        // a test running alongside (its ended pid holds no port any more).
        assertThat(TestProcesses.listening(outer.urls().get(0)))
                .as("the manager's port")
                .isFalse();
        assertThat(Files.exists(outer.folder())).as("%s exists", outer.folder()).isFalse();
    }

    /** The manager's and agent's pids, the URLs a test got and the run's folder. */
    record Seen(List<Long> pids, List<URI> urls, Path folder) {}

    /** Run by the test above only (Failsafe leaves nested classes out). */
    @RuntimeTest(agentFolders = "src/test/agents/tiny")
    static class FailingFixture {

        static final List<Seen> seen = new CopyOnWriteArrayList<>();

        @AgentUrl("tiny")
        URI tiny;

        @Test
        void fails(RuntimeManager runtime, @ManagerUrl URI manager) {
            Map<String, Long> agents = runtime.agentPids();
            assertThat(agents).containsKey("tiny");
            seen.add(new Seen(List.of(runtime.pid(), agents.get("tiny")), List.of(manager, tiny), runtime.folder()));
            throw new AssertionError("failing on purpose, with tiny running");
        }

        @Nested
        class OnTheSameManager {

            @AgentUrl("tiny")
            String ownField;

            @Test
            void getsTheEnclosingClassesManagerAndUrls(RuntimeManager runtime) {
                seen.add(new Seen(List.of(runtime.pid()), List.of(URI.create(ownField), tiny), runtime.folder()));
            }
        }
    }
}
