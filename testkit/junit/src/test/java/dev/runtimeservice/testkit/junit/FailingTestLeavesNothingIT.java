package dev.runtimeservice.testkit.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.runtimeservice.testkit.RuntimeManager;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/**
 * A test class whose test fails, run in this JVM through the JUnit Platform's test kit against the real vfs agent:
 * its failure carries vfs's log tail, and afterwards no process, port or folder of its manager is left.
 */
class FailingTestLeavesNothingIT {

    @Test
    void aFailedTestGetsTheAgentsLogTailAndLeavesNothingBehind() {
        Events tests = EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(FailingFixture.class))
                .execute()
                .testEvents();

        tests.assertStatistics(stats -> stats.started(1).failed(1));
        Throwable failure = tests.failed().stream()
                .findFirst()
                .orElseThrow()
                .getPayload(org.junit.platform.engine.TestExecutionResult.class)
                .flatMap(org.junit.platform.engine.TestExecutionResult::getThrowable)
                .orElseThrow();
        assertThat(failure).hasMessageContaining("on purpose");
        assertThat(failure.getSuppressed())
                .singleElement()
                .isInstanceOf(AgentLogTail.class)
                .extracting(Throwable::getMessage)
                .asString()
                .contains("agent vfs's log")
                .contains("[vfs]");

        assertThat(FailingFixture.pids)
                .hasSizeGreaterThanOrEqualTo(2)
                .noneMatch(
                        pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
        assertThat(FailingFixture.urls).isNotEmpty().noneMatch(FailingTestLeavesNothingIT::listening);
        assertThat(FailingFixture.folder).isNotNull();
        assertThat(Files.exists(FailingFixture.folder))
                .as("%s exists", FailingFixture.folder)
                .isFalse();
    }

    private static boolean listening(URI url) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(url.getHost(), url.getPort()), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Run by the test above only (Failsafe leaves nested classes out). */
    @RuntimeTest(agents = "vfs")
    static class FailingFixture {

        static final List<Long> pids = new ArrayList<>();
        static final List<URI> urls = new ArrayList<>();
        static Path folder;

        @Test
        void fails(RuntimeManager runtime, @ManagerUrl URI manager, @AgentUrl("vfs") URI vfs) {
            pids.add(runtime.pid());
            Map<String, Long> agents = runtime.agentPids();
            pids.addAll(agents.values());
            urls.add(manager);
            urls.add(vfs);
            folder = runtime.folder();
            assertThat(agents).containsKey("vfs");
            throw new AssertionError("failing on purpose, with vfs running");
        }
    }
}
