package dev.runtimeservice.manager.logs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtimeservice.manager.config.RuntimeProperties;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentLogsTest {

    @Test
    void tailReadsTheLastLinesOfALargeLogWithoutReadingItAll(@TempDir Path logs) throws Exception {
        Files.createDirectories(logs.resolve("agents"));
        List<String> lines =
                IntStream.range(0, 20_000).mapToObj(i -> "line " + i).toList();
        Files.write(logs.resolve("agents/vfs.log"), lines);
        AgentLogs agentLogs = new AgentLogs(properties(logs));

        assertThat(agentLogs.tail("vfs", 3)).containsExactly("line 19997", "line 19998", "line 19999");
        assertThat(agentLogs.tail("vfs", 5000)).hasSize(5000).startsWith("line 15000");
        assertThat(agentLogs.tail("vfs", 0)).isEmpty();
        assertThat(agentLogs.tail("kendra", 10)).isEmpty();
    }

    @Test
    void linesInTheCommonPatternAreKeptAndOthersArePutIntoIt() {
        String patterned = "2026-11-25T13:41:30.307Z INFO  [vfs] d.r.agent.Vfs : ready";
        assertThat(AgentOutputPump.format("vfs", patterned)).isEqualTo(patterned);
        assertThat(AgentOutputPump.format("vfs", "Error: Could not find or load main class x"))
                .matches(
                        "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}\\S* INFO  \\[vfs\\] stdout : Error: Could not find.*");
    }

    private static RuntimeProperties properties(Path logs) {
        return new RuntimeProperties(
                false,
                8001,
                12001,
                Path.of("agents"),
                logs,
                Duration.ofSeconds(5),
                Duration.ofSeconds(5),
                "127.0.0.1",
                "INFO",
                0);
    }
}
