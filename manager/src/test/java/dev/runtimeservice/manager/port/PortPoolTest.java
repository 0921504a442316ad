package dev.runtimeservice.manager.port;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runtimeservice.manager.config.RuntimeProperties;
import dev.runtimeservice.manager.error.NoFreePortException;
import dev.runtimeservice.manager.error.PortConflictException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import oshi.SystemInfo;

class PortPoolTest {

    private static final PortProbe PROBE = new PortProbe(new SystemInfo());
    private int base;
    private PortPool pool;

    @BeforeEach
    void freeRange() throws Exception {
        base = freeRangeOfFive();
        pool = new PortPool(properties(base, base + 4), PROBE);
    }

    @Test
    void givesTheLowestFreePortAndTheSameAgainOnceReleased() {
        assertThat(pool.acquire("a", null, Map.of())).isEqualTo(base);
        assertThat(pool.acquire("b", null, Map.of())).isEqualTo(base + 1);
        pool.release("a", base);
        assertThat(pool.acquire("c", null, Map.of())).isEqualTo(base);
    }

    @Test
    void skipsReservedPortsAndPortsHeldByOtherProcesses() throws Exception {
        try (ServerSocket held = new ServerSocket(base + 1)) {
            assertThat(pool.acquire("a", null, Map.of(base, "vfs"))).isEqualTo(base + 2);
        }
    }

    @Test
    void aFixedPortGoesToItsAgentEvenOutsideTheRange() throws Exception {
        int fixed;
        try (ServerSocket probe = new ServerSocket(0)) {
            fixed = probe.getLocalPort();
        }
        assertThat(pool.acquire("vfs", fixed, Map.of(fixed, "vfs"))).isEqualTo(fixed);
        assertThat(pool.given()).containsEntry(fixed, "vfs");
    }

    @Test
    void aFixedPortHeldByAForeignProcessIsAConflictNamingTheHolder() throws Exception {
        try (ServerSocket held = new ServerSocket()) {
            held.bind(new InetSocketAddress("127.0.0.1", base));
            assertThatThrownBy(() -> pool.acquire("vfs", base, Map.of()))
                    .isInstanceOf(PortConflictException.class)
                    .hasMessageContaining("port " + base)
                    .hasMessageContaining("pid " + ProcessHandle.current().pid());
        }
    }

    @Test
    void aFixedPortGivenToAnotherAgentIsAConflict() {
        pool.acquire("one", base, Map.of());
        assertThatThrownBy(() -> pool.acquire("two", base, Map.of()))
                .isInstanceOf(PortConflictException.class)
                .hasMessageContaining("agent one");
    }

    @Test
    void aFullRangeSaysWhichKeysToChange() {
        for (int i = 0; i < 5; i++) {
            pool.acquire("agent" + i, null, Map.of());
        }
        assertThatThrownBy(() -> pool.acquire("late", null, Map.of()))
                .isInstanceOf(NoFreePortException.class)
                .hasMessageContaining("MAX_AGENT_PORT=" + (base + 4));
    }

    @Test
    void releasingAPortHeldByAnotherAgentDoesNothing() {
        pool.acquire("a", null, Map.of());
        pool.release("b", base);
        assertThat(pool.given()).containsEntry(base, "a");
    }

    static RuntimeProperties properties(int min, int max) {
        return new RuntimeProperties(
                false,
                min,
                max,
                Path.of("agents"),
                Path.of("logs"),
                Duration.ofSeconds(5),
                Duration.ofSeconds(5),
                "127.0.0.1",
                "INFO",
                0);
    }

    private static int freeRangeOfFive() throws Exception {
        for (int start = 24000 + (int) (ProcessHandle.current().pid() % 500) * 10; start < 60000; start += 10) {
            boolean free = true;
            for (int port = start; port < start + 5 && free; port++) {
                free = PROBE.isFree(port);
            }
            if (free) {
                return start;
            }
        }
        throw new IllegalStateException("no free range of five ports");
    }
}
