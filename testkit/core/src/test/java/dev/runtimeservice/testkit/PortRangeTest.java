package dev.runtimeservice.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Port ranges are held for the whole machine, whatever the work folder of the runs that hold them. */
class PortRangeTest {

    @Test
    void runsHoldingRangesAtOnceGetRangesThatDoNotOverlap(@TempDir Path locks) {
        try (PortRange first = PortRange.acquire(locks);
                PortRange second = PortRange.acquire(locks)) {
            assertThat(first.firstPort()).isEqualTo(20000);
            assertThat(first.lastPort()).isEqualTo(20499);
            assertThat(second.firstPort()).isEqualTo(20500);
        }
    }

    @Test
    void aRangeGivenUpIsTakenAgain(@TempDir Path locks) {
        PortRange.acquire(locks).close();
        try (PortRange again = PortRange.acquire(locks)) {
            assertThat(again.firstPort()).isEqualTo(20000);
        }
    }

    @Test
    void whenEveryRangeIsHeldTheRunIsToldSo(@TempDir Path locks) {
        List<PortRange> held = new ArrayList<>();
        try {
            for (int i = 0; i < PortRange.RANGES; i++) {
                held.add(PortRange.acquire(locks));
            }
            assertThatThrownBy(() -> PortRange.acquire(locks))
                    .isInstanceOf(TestkitException.class)
                    .hasMessageContaining("already hold the test kit's port ranges (20000-29999");
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
}
