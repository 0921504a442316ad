package dev.runtimeservice.cli.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtimeservice.cli.client.ServerSentEvents;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Server-Sent Events read as the format defines them, and each event as the line an operator reads. */
class EventLineTest {

    @Test
    void eventsAreSplitByBlankLinesWithCommentsAndRetryIgnored() throws Exception {
        String stream = "retry: 2000\n: connected\n\nid: 7\nevent: state\ndata: {\"a\":1}\n\n"
                + ": keep-alive\n\nid: 8\nevent:gap\ndata: one\ndata: two\n\n";
        List<ServerSentEvents.Event> events = new ArrayList<>();
        boolean stopped =
                ServerSentEvents.read(new ByteArrayInputStream(stream.getBytes(StandardCharsets.UTF_8)), events::add);
        assertThat(stopped).isFalse();
        assertThat(events)
                .containsExactly(
                        new ServerSentEvents.Event("7", "state", "{\"a\":1}"),
                        new ServerSentEvents.Event("8", "gap", "one\ntwo"));
    }

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
