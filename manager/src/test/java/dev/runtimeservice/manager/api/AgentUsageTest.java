package dev.runtimeservice.manager.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtimeservice.manager.agent.fake.AgentTestbed;
import dev.runtimeservice.manager.agent.fake.FakeAgentProcess;
import dev.runtimeservice.manager.limits.LimitUse;
import dev.runtimeservice.manager.process.AgentUsage;
import dev.runtimeservice.manager.security.SecurityProperties;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/**
 * The usage list_agents shows comes from the agent's host, the one seam: here a fake host that reports what the test
 * says, so no process runs. The answer is serialised as the application does (snake_case) and read as JSON.
 */
class AgentUsageTest {

    private static final JsonMapper JSON = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .build();

    @TempDir
    Path root;

    private AgentTestbed testbed;
    private AgentController controller;

    @BeforeEach
    void start() {
        testbed = new AgentTestbed(root)
                .agent("echo", "command: [agent]\nhealth: /health\n")
                .start();
        SecurityProperties security =
                new SecurityProperties("", 1_048_576, List.of(), 1000, 32, Duration.ofSeconds(10), 16);
        controller = new AgentController(testbed.manager(), testbed.host(), security);
    }

    @AfterEach
    void close() {
        testbed.close();
    }

    @Test
    void aListShowsTheCpuMemoryAndLimitUseItsHostReports() {
        testbed.manager().launch(List.of("echo"), Map.of());
        FakeAgentProcess process = testbed.host().launched("echo").get(0);
        testbed.host()
                .reportUsage(process, new AgentUsage(12.5, 73_400_320L, new LimitUse(80_000_000L, 1, 7L, 350L, 9L)));

        JsonNode agent =
                JSON.valueToTree(controller.list(null, null)).get("agents").get(0);

        assertThat(agent.get("pid").asLong()).isEqualTo(process.pid());
        assertThat(agent.get("cpu_percent").asDouble()).isEqualTo(12.5);
        assertThat(agent.get("memory_bytes").asLong()).isEqualTo(73_400_320L);
        JsonNode limitUse = agent.get("limit_use");
        assertThat(limitUse.get("memory_bytes").asLong()).isEqualTo(80_000_000L);
        assertThat(limitUse.get("oom_kills").asLong()).isEqualTo(1);
        assertThat(limitUse.get("cpu_throttled").asLong()).isEqualTo(7);
        assertThat(limitUse.get("cpu_throttled_millis").asLong()).isEqualTo(350);
        assertThat(limitUse.get("pids").asLong()).isEqualTo(9);
    }

    @Test
    void anAgentItsHostHasNoFigureForShowsNoUsage() {
        testbed.manager().launch(List.of("echo"), Map.of());

        JsonNode agent =
                JSON.valueToTree(controller.list(null, null)).get("agents").get(0);

        assertThat(agent.get("status").asString()).isEqualTo("RUNNING");
        assertThat(agent.has("cpu_percent")).isFalse();
        assertThat(agent.has("memory_bytes")).isFalse();
        assertThat(agent.has("limit_use")).isFalse();
    }

    @Test
    void aLaunchAnswerShowsTheLimitUseButNoCpuOrMemorySample() {
        AgentsResponse started = controller.launch(new LaunchRequest(List.of("echo"), null));
        FakeAgentProcess process = testbed.host().launched("echo").get(0);
        testbed.host().reportUsage(process, new AgentUsage(3.0, 1_000L, new LimitUse(2_000L, 0, null, null, 4L)));

        JsonNode again = JSON.valueToTree(controller.launch(new LaunchRequest(List.of("echo"), null)))
                .get("agents")
                .get(0);

        assertThat(JSON.valueToTree(started).get("agents").get(0).has("limit_use"))
                .isFalse();
        assertThat(again.get("action").asString()).isEqualTo("ALREADY_RUNNING");
        assertThat(again.has("cpu_percent")).isFalse();
        assertThat(again.has("memory_bytes")).isFalse();
        assertThat(again.get("limit_use").get("pids").asLong()).isEqualTo(4);
        assertThat(again.get("limit_use").has("cpu_throttled")).isFalse();
    }
}
