package dev.runtimeservice.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestPortsTest {

    @Test
    void portsAreListenableBelowTheEphemeralRangeAndNeverHandedOutTwice() throws IOException {
        int ceiling = TestPorts.ephemeralStart(Path.of("/proc/sys/net/ipv4/ip_local_port_range"));
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            int port = TestPorts.free();
            assertThat(port).isBetween(TestPorts.LOWEST, ceiling - 1);
            assertThat(seen.add(port)).as("port %d handed out twice", port).isTrue();
            try (ServerSocket bound = new ServerSocket(port)) {
                assertThat(bound.getLocalPort()).isEqualTo(port);
            }
        }
    }

    @Test
    void aRangeDoesNotOverlapPortsHandedOutBefore() {
        int single = TestPorts.free();
        int first = TestPorts.freeRange(200);
        assertThat(single < first || single > first + 199).isTrue();
        int second = TestPorts.freeRange(200);
        assertThat(second + 199 < first || second > first + 199).isTrue();
    }

    @Test
    void theEphemeralRangeIsReadFromTheKernelsFileOrDefaultsToLinuxs(@TempDir Path dir) throws IOException {
        Path range = Files.writeString(dir.resolve("ip_local_port_range"), "40000\t60999\n");
        assertThat(TestPorts.ephemeralStart(range)).isEqualTo(40000);
        assertThat(TestPorts.ephemeralStart(dir.resolve("absent"))).isEqualTo(32768);
        assertThat(TestPorts.ephemeralStart(Files.writeString(dir.resolve("garbled"), "lots")))
                .isEqualTo(32768);
    }
}
