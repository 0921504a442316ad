package dev.runtimeservice.cli.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The plain-text table and the units its cells use. */
class TableTest {

    @Test
    void columnsAreAsWideAsTheirWidestCellAndNumbersAlignRight() {
        String text = new Table("NAME", "PID>")
                .row("vfs", "4211")
                .row("orchestrator", "7")
                .render();
        assertThat(text).isEqualTo("""
                NAME           PID
                vfs           4211
                orchestrator     7
                """);
    }

    @Test
    void aRowWithTheWrongNumberOfCellsIsRefused() {
        assertThatThrownBy(() -> new Table("A", "B").row("x")).hasMessageContaining("needs 2 cells");
    }

    @Test
    void unitsReadAsAnOperatorExpects() {
        assertThat(Units.bytes(512L)).isEqualTo("512 B");
        assertThat(Units.bytes(149_212_774L)).isEqualTo("142.3 MiB");
        assertThat(Units.bytes(null)).isEqualTo("-");
        assertThat(Units.duration(Duration.ofSeconds(45))).isEqualTo("45s");
        assertThat(Units.duration(Duration.ofSeconds(192))).isEqualTo("3m12s");
        assertThat(Units.duration(Duration.ofMinutes(125))).isEqualTo("2h05m");
        assertThat(Units.duration(Duration.ofHours(76))).isEqualTo("3d04h");
        assertThat(Units.percent(0.44)).isEqualTo("0.4%");
        assertThat(Units.number(null)).isEqualTo("-");
    }
}
