package dev.runtimeservice.manager.port;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import oshi.SystemInfo;

@ExtendWith(OutputCaptureExtension.class)
class EphemeralPortRangeTest {

    private static final PortProbe PROBE = new PortProbe(new SystemInfo());

    @Test
    void readsTheKernelsFileAndNothingFromAMissingOrGarbledOne(@TempDir Path dir) throws IOException {
        assertThat(EphemeralPortRange.read(Files.writeString(dir.resolve("range"), "32768\t60999\n")))
                .contains(new EphemeralPortRange(32768, 60999));
        assertThat(EphemeralPortRange.read(dir.resolve("absent"))).isEmpty();
        assertThat(EphemeralPortRange.read(Files.writeString(dir.resolve("garbled"), "32768")))
                .isEmpty();
    }

    @Test
    void overlapsWhenAnyPortIsShared() {
        EphemeralPortRange range = new EphemeralPortRange(32768, 60999);
        assertThat(range.overlaps(8001, 12001)).isFalse();
        assertThat(range.overlaps(30000, 32768)).isTrue();
        assertThat(range.overlaps(60999, 61100)).isTrue();
        assertThat(range.overlaps(61000, 62000)).isFalse();
    }

    @Test
    void aPoolInsideTheSystemsEphemeralPortsIsWarnedAboutAtStart(CapturedOutput output) {
        EphemeralPortRange system =
                EphemeralPortRange.read(EphemeralPortRange.LINUX).orElse(null);
        assumeThat(system).as("a Linux system that names its ephemeral ports").isNotNull();

        new PortPool(PortPoolTest.properties(8001, 12001), PROBE);
        assertThat(output).doesNotContain("overlaps the ports this system gives outgoing connections");

        new PortPool(PortPoolTest.properties(system.first(), system.first() + 10), PROBE);
        assertThat(output)
                .contains("MIN_AGENT_PORT..MAX_AGENT_PORT (" + system.first() + "-")
                .contains("overlaps the ports this system gives outgoing connections (" + system + ", ")
                .contains("Choose agent ports below " + system.first());
    }
}
