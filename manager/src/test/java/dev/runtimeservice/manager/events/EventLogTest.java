package dev.runtimeservice.manager.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The bounded buffer behind Last-Event-ID: what a reader gets after an id, and when it missed some. */
class EventLogTest {

    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    private final EventLog log = new EventLog(new EventsProperties(3), Clock.fixed(START, ZoneOffset.UTC));

    private long append(String agent) {
        return log.append(id -> new AgentRestarted(id, START, agent, "launch", 1, "it exited"))
                .id();
    }

    @Test
    void idsStartAtTheManagersStartTimeSoAnEarlierManagersIdsAreOlder() {
        long first = append("a");
        assertThat(first).isEqualTo(START.toEpochMilli() * 1000);
        assertThat(append("b")).isEqualTo(first + 1);
    }

    @Test
    void aReaderGetsWhatCameAfterItsIdWithoutAGap() {
        long first = append("a");
        append("b");
        append("c");
        EventLog.Slice slice = log.after(first, 10);
        assertThat(slice.gap()).isFalse();
        assertThat(slice.events()).extracting(LifecycleEvent::agent).containsExactly("b", "c");
        assertThat(log.after(log.lastId(), 10).events()).isEmpty();
        assertThat(log.after(first, 1).events())
                .extracting(LifecycleEvent::agent)
                .containsExactly("b");
    }

    @Test
    void aReaderThatFellBehindTheBufferOrComesFromAnotherManagerIsToldOfTheGap() {
        long first = append("a");
        append("b");
        append("c");
        append("d");
        EventLog.Slice behind = log.after(first - 1, 10);
        assertThat(behind.gap()).isTrue();
        assertThat(behind.events()).extracting(LifecycleEvent::agent).containsExactly("b", "c", "d");
        assertThat(log.after(first, 10).gap())
                .as("a is gone, but b, c and d are all it missed")
                .isFalse();
        assertThat(log.after(1, 10).gap()).isTrue();
        assertThat(log.after(log.lastId() + 5, 10).gap()).isTrue();
    }
}
