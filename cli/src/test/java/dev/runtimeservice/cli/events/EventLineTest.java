package dev.runtimeservice.cli.events;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Each lifecycle event as the line an operator reads. */
class EventLineTest {

    @Test
    void aStateChangeReadsAsOneLineWithItsReason() {
        String line = EventLine.of("{\"kind\":\"state\",\"time\":\"2026-01-01T00:00:00Z\",\"agent\":\"vfs\","
                + "\"state\":\"BACKOFF\",\"previous\":\"RUNNING\",\"pid\":4211,\"port\":8001,\"exit_code\":1,"
                + "\"reason\":\"exited on its own\\nwith code 1\"}");
        assertThat(line)
                .endsWith("vfs           BACKOFF (was RUNNING) pid 4211 port 8001 exit code 1: exited on its own "
                        + "with code 1")
                .doesNotContain("\n");
        assertThat(EventLine.of("{\"kind\":\"restart\",\"agent\":\"vfs\",\"restarts\":2,\"reason\":\"exited\"}"))
                .isEqualTo("--:--:--  vfs           restart 2 after it exited");
    }
}
