package dev.runtimeservice.manager.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** /proc/<pid>/stat read for this test's own JVM, against what the JDK and /proc/self/status say. */
class ProcStatTest {

    @Test
    void readsTheCpuTimeAndResidentMemoryOfALiveProcessAndNothingForAnEndedOne() throws Exception {
        assumeThat(ProcStat.available()).as("a Linux /proc").isTrue();
        long pid = ProcessHandle.current().pid();
        Duration before = ProcessHandle.current().info().totalCpuDuration().orElseThrow();

        ProcStat stat = ProcStat.read(pid).orElseThrow();

        Duration after = ProcessHandle.current().info().totalCpuDuration().orElseThrow();
        // Clock ticks are 10 ms: allow one tick either side.
        assertThat(stat.cpuNanos()).isBetween(before.toNanos() - 10_000_000L, after.toNanos() + 10_000_000L);
        long statusKb = Files.readAllLines(Path.of("/proc/self/status")).stream()
                .filter(line -> line.startsWith("VmRSS:"))
                .mapToLong(line -> Long.parseLong(line.replaceAll("\\D", "")))
                .findFirst()
                .orElseThrow();
        assertThat(stat.residentBytes()).isBetween((statusKb << 10) / 2, (statusKb << 10) * 2);

        Process ended = new ProcessBuilder("true").start();
        ended.waitFor();
        assertThat(ProcStat.read(ended.pid())).isEmpty();
    }
}
