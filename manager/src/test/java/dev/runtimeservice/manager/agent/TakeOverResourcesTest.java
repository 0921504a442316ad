package dev.runtimeservice.manager.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtimeservice.manager.agent.fake.AgentTestbed;
import dev.runtimeservice.manager.agent.fake.FakeAgentProcess;
import dev.runtimeservice.manager.state.LiveAgents.LiveAgent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A manager that takes over an agent without the launch's resources file on its own disk (a new manager pod under
 * Kubernetes) reads the resources from the agent's host (its Secret there), so the restarts it makes keep them.
 * Driven through a fake {@link dev.runtimeservice.manager.process.AgentHost}; the Kubernetes host's reading of the
 * Secret is in {@code KubernetesAgentsTest}.
 */
class TakeOverResourcesTest {

    @TempDir
    Path root;

    private AgentTestbed testbed;

    @AfterEach
    void close() {
        if (testbed != null) {
            testbed.close();
        }
    }

    @Test
    void resourcesComeFromTheHostWhenTheFileIsGoneAndARestartKeepsThem() throws IOException {
        testbed = new AgentTestbed(root).agent("kept", "command: [agent]\nhealth: /health\n");
        byte[] secret = "{\"id\":\"launch-1\",\"name\":\"kept\",\"resources\":{\"bucket\":\"b1\"}}"
                .getBytes(StandardCharsets.UTF_8);
        FakeAgentProcess process = testbed.host()
                .leaveRunning(
                        new LiveAgent(4242, Instant.parse("2025-12-31T00:00:00Z"), "kept", "launch-1", "t-1", 21610),
                        secret);

        testbed.start();

        ManagedAgent kept = testbed.current("kept");
        assertThat(Files.exists(kept.descriptor().resourcesFile()))
                .as("no file on this manager's disk")
                .isFalse();
        assertThat(kept.resources().values()).containsEntry("bucket", "b1");

        process.exit(1);
        testbed.passTime(Duration.ofSeconds(1));

        ManagedAgent restarted = testbed.current("kept");
        assertThat(restarted.state()).isEqualTo(AgentState.RUNNING);
        assertThat(restarted.id()).isNotEqualTo("launch-1");
        assertThat(restarted.resources().values()).containsEntry("bucket", "b1");
        assertThat(Files.readString(restarted.descriptor().resourcesFile()))
                .as("the restart's own resources file, which becomes its Secret under Kubernetes")
                .contains("\"bucket\":\"b1\"");
    }

    @Test
    void aFileOfAnotherLaunchIsNotTaken() {
        testbed = new AgentTestbed(root).agent("kept", "command: [agent]\nhealth: /health\n");
        byte[] other = "{\"id\":\"launch-0\",\"name\":\"kept\",\"resources\":{\"bucket\":\"old\"}}"
                .getBytes(StandardCharsets.UTF_8);
        testbed.host()
                .leaveRunning(
                        new LiveAgent(4243, Instant.parse("2025-12-31T00:00:00Z"), "kept", "launch-1", "t-1", 21611),
                        other);

        testbed.start();

        assertThat(testbed.current("kept").resources().values()).isEmpty();
    }
}
