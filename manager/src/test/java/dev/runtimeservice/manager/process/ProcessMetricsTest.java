package dev.runtimeservice.manager.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import oshi.SystemInfo;

/** Samples of real processes, read from /proc. */
class ProcessMetricsTest {

    @Test
    void aProcessWithoutMemoryOfItsOwnHasNoSampleWhileALiveOneHasItsResidentMemory() throws Exception {
        assumeThat(ProcStat.available()).as("a Linux /proc").isTrue();
        // sleep 0 ends at once, and its parent (sleep 30, which never waits for it) leaves it a zombie: a process
        // with no memory of its own, as a process is for a moment while it replaces its program.
        Process parent = new ProcessBuilder("sh", "-c", "sleep 0 & exec sleep 30").start();
        ProcessMetrics metrics = new ProcessMetrics(new StaticListableBeanFactory().getBeanProvider(SystemInfo.class));
        try {
            long zombie = await().atMost(Duration.ofSeconds(10))
                    .until(() -> zombieChildOf(parent.pid()), Optional::isPresent)
                    .orElseThrow();
            metrics.track(zombie);
            assertThat(metrics.latest(zombie)).isEmpty();

            metrics.track(parent.pid());
            assertThat(metrics.latest(parent.pid()))
                    .hasValueSatisfying(usage -> assertThat(usage.memoryBytes()).isPositive());
        } finally {
            metrics.destroy();
            parent.destroyForcibly().waitFor();
        }
    }

    /** A child of {@code pid} in state Z, read from /proc/<child>/stat. */
    private static Optional<Long> zombieChildOf(long pid) {
        return ProcessHandle.of(pid).stream()
                .flatMap(ProcessHandle::children)
                .map(ProcessHandle::pid)
                .filter(child -> {
                    try {
                        String stat = Files.readString(Path.of("/proc", child.toString(), "stat"));
                        return stat.substring(stat.lastIndexOf(')') + 2).startsWith("Z");
                    } catch (java.io.IOException gone) {
                        return false;
                    }
                })
                .findFirst();
    }
}
