package dev.runtimeservice.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Port ranges are held for the whole machine, whatever the work folder of the runs that hold them, and a range with
 * a port in use is not taken. Most tests say which ports are in use ({@link #NOTHING_IN_USE}), so that what listens
 * on this machine cannot change their answer; {@link #aRangeWithAPortInUseIsNotTaken} listens for real.
 */
class PortRangeTest {

    private static final IntPredicate NOTHING_IN_USE = port -> false;

    @Test
    void runsHoldingRangesAtOnceGetRangesThatDoNotOverlap(@TempDir Path locks) {
        try (PortRange first = PortRange.acquire(locks, NOTHING_IN_USE);
                PortRange second = PortRange.acquire(locks, NOTHING_IN_USE)) {
            assertThat(first.firstPort()).isEqualTo(20000);
            assertThat(first.lastPort()).isEqualTo(20499);
            assertThat(second.firstPort()).isEqualTo(20500);
        }
    }

    @Test
    void aRangeGivenUpIsTakenAgain(@TempDir Path locks) {
        PortRange.acquire(locks, NOTHING_IN_USE).close();
        try (PortRange again = PortRange.acquire(locks, NOTHING_IN_USE)) {
            assertThat(again.firstPort()).isEqualTo(20000);
        }
    }

    @Test
    void aRangeWhoseLockIsFreeButWhosePortsAKilledRunStillUsesIsSkipped(@TempDir Path locks) {
        try (PortRange range = PortRange.acquire(locks, port -> port == 20017)) {
            assertThat(range.firstPort()).isEqualTo(20500);
        }
    }

    @Test
    void aRangeWithAPortInUseIsNotTaken() throws Exception {
        int port;
        try (PortRange wouldBeTaken = PortRange.acquire()) {
            port = wouldBeTaken.firstPort() + 3;
        }
        try (ServerSocket listening = new ServerSocket(port, 1, InetAddress.getLoopbackAddress());
                PortRange range = PortRange.acquire()) {
            assertThat(range.firstPort())
                    .as("the range taken while port %d listens", port)
                    .isNotEqualTo(port - 3);
        }
    }

    @Test
    void whenEveryRangeIsHeldOrInUseTheRunIsToldSo(@TempDir Path locks) {
        List<PortRange> held = new ArrayList<>();
        try {
            for (int i = 0; i < PortRange.RANGES - 1; i++) {
                held.add(PortRange.acquire(locks, NOTHING_IN_USE));
            }
            assertThatThrownBy(() -> PortRange.acquire(locks, port -> port >= 29500))
                    .isInstanceOf(TestkitException.class)
                    .hasMessageContaining("None of the test kit's 20 port ranges (20000-29999) is free: test runs on"
                            + " this machine hold 19")
                    .hasMessageContaining("have a port in use, such as a killed run's agents");
        } finally {
            held.forEach(PortRange::close);
        }
    }

    @Test
    void slotsOfDifferentWorkFoldersGetDifferentPorts(@TempDir Path one, @TempDir Path other) {
        try (Slot first = Slot.acquire(one);
                Slot second = Slot.acquire(other)) {
            assertThat(first.number()).isEqualTo(second.number()).isZero();
            assertThat(first.firstPort()).isNotEqualTo(second.firstPort());
        }
    }

    @Test
    void everyUserMayLockARange(@TempDir Path root) throws Exception {
        Path locks = root.resolve("ports");
        try (PortRange range = PortRange.acquire(locks, NOTHING_IN_USE)) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(locks)))
                    .isEqualTo("rwxrwxrwx");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(locks.resolve("ports-0.lock"))))
                    .isEqualTo("rw-rw-rw-");
        }
    }

    @Test
    void theLocksAreInTheMachinesTemporaryFolderWhateverTheJvmsOwn() {
        assertThat(PortRange.machineWideLocks()).isEqualTo(Path.of("/tmp/runtime-service-testkit-ports"));
    }
}
