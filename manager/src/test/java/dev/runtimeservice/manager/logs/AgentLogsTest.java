package dev.runtimeservice.manager.logs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtimeservice.manager.config.RuntimeProperties;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentLogsTest {

    @Test
    void tailReadsTheLastLinesOfALargeLogWithoutReadingItAll(@TempDir Path logs) throws Exception {
        Files.createDirectories(logs.resolve("agents"));
        List<String> lines = IntStream.range(0, 20_000).mapToObj(i -> "line " + i).toList();
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
                .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}\\S* INFO  \\[vfs\\] stdout : Error: Could not find.*");
    }

    @Test
    void thePumpCutsEndlessLinesMasksSecretsAndSurvivesInvalidUtf8() throws Exception {
        byte[] endless = "x".repeat(AgentOutputPump.MAX_LINE_BYTES * 2 + 10).getBytes(StandardCharsets.US_ASCII);
        byte[] invalid = {'b', 'a', 'd', (byte) 0xC3, (byte) 0x28, '\n'};
        byte[] secret = "token=hunter2\r\n".getBytes(StandardCharsets.US_ASCII);
        byte[] all = concat(endless, new byte[] {'\n'}, invalid, secret);
        List<String> seen = new ArrayList<>();
        Thread pump = AgentOutputPump.start("pumped", 1, new ByteArrayInputStream(all), line -> {
            String masked = line.replace("hunter2", "******");
            seen.add(masked);
            return masked;
        }, null);
        pump.join(Duration.ofSeconds(5).toMillis());
        assertThat(pump.isAlive()).isFalse();
        assertThat(seen).hasSize(5);
        assertThat(seen.subList(0, 3)).allMatch(line -> line.length() <= AgentOutputPump.MAX_LINE_BYTES);
        assertThat(seen.get(3)).startsWith("bad").contains("\uFFFD");
        assertThat(seen.get(4)).isEqualTo("token=******");
    }

    private static byte[] concat(byte[]... parts) {
        int size = 0;
        for (byte[] part : parts) {
            size += part.length;
        }
        byte[] all = new byte[size];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }

    private static RuntimeProperties properties(Path logs) {
        return new RuntimeProperties(false, 8001, 12001, Path.of("agents"), logs, Duration.ofSeconds(5),
                Duration.ofSeconds(5), "127.0.0.1", "INFO", 0);
    }
}
