package dev.runtimeservice.common.sse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Server-Sent Events read as the format defines them. */
class ServerSentEventsTest {

    @Test
    void eventsAreSplitByBlankLinesWithCommentsAndRetryIgnored() throws IOException {
        String stream = "retry: 2000\n: connected\n\nid: 7\nevent: state\ndata: {\"a\":1}\n\n"
                + ": keep-alive\n\nid: 8\nevent:gap\ndata: one\ndata: two\n\n";
        List<ServerSentEvents.Event> events = new ArrayList<>();

        assertThat(ServerSentEvents.read(stream(stream), events::add)).isFalse();

        assertThat(events)
                .containsExactly(
                        new ServerSentEvents.Event("7", "state", "{\"a\":1}"),
                        new ServerSentEvents.Event("8", "gap", "one\ntwo"));
    }

    @Test
    void anEventWithoutIdOrNameKeepsTheLastIdAndIsAMessageAndOneWithoutDataIsNotDispatched() throws IOException {
        String stream = "id: 3\ndata: first\n\nevent: state\n\ndata: second\n\n";
        List<ServerSentEvents.Event> events = new ArrayList<>();

        ServerSentEvents.read(stream(stream), events::add);

        assertThat(events)
                .containsExactly(
                        new ServerSentEvents.Event("3", "message", "first"),
                        new ServerSentEvents.Event("3", "message", "second"));
    }

    @Test
    void aHandlerThatAnswersFalseStopsTheReading() throws IOException {
        List<ServerSentEvents.Event> events = new ArrayList<>();

        boolean stopped = ServerSentEvents.read(stream("data: one\n\ndata: two\n\n"), event -> {
            events.add(event);
            return false;
        });

        assertThat(stopped).isTrue();
        assertThat(events).extracting(ServerSentEvents.Event::data).containsExactly("one");
    }

    private static ByteArrayInputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
