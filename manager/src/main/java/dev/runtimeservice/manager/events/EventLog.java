package dev.runtimeservice.manager.events;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.LongFunction;
import org.springframework.stereotype.Component;

/**
 * The latest lifecycle events, a bounded buffer ({@code runtime.events.buffer-size}) from which a client that
 * reconnects with {@code Last-Event-ID} gets what it missed. Ids are consecutive and start at the manager's start
 * time in microseconds, so an id from an earlier manager is older than every id of this one.
 */
@Component
public class EventLog {

    private final int capacity;
    private final Deque<LifecycleEvent> events = new ArrayDeque<>();
    private long nextId;

    EventLog(EventsProperties properties, Clock clock) {
        this.capacity = properties.bufferSize();
        this.nextId = clock.millis() * 1000;
    }

    /** Appends the event that {@code create} makes with the next id, and returns it. */
    public synchronized <E extends LifecycleEvent> E append(LongFunction<E> create) {
        E event = create.apply(nextId++);
        events.addLast(event);
        if (events.size() > capacity) {
            events.removeFirst();
        }
        return event;
    }

    /** The id of the newest event, or the one before the first id when there is none yet. */
    public synchronized long lastId() {
        return nextId - 1;
    }

    /**
     * At most {@code max} events after {@code lastId}, oldest first.
     *
     * @return the events and whether some after {@code lastId} are no longer in the buffer (or the id is not one of
     *     this manager's), in which case the events start at the oldest one kept
     */
    public synchronized Slice after(long lastId, int max) {
        long oldest = nextId - events.size();
        boolean gap = lastId < oldest - 1 || lastId >= nextId;
        long from = gap ? oldest : lastId + 1;
        List<LifecycleEvent> found = new ArrayList<>();
        int skip = (int) (from - oldest);
        for (LifecycleEvent event : events) {
            if (skip-- > 0) {
                continue;
            }
            if (found.size() == max) {
                break;
            }
            found.add(event);
        }
        return new Slice(List.copyOf(found), gap);
    }

    /**
     * Events read from the buffer.
     *
     * @param events the events, oldest first
     * @param gap whether events the reader asked for were lost (it fell further behind than the buffer holds)
     */
    public record Slice(List<LifecycleEvent> events, boolean gap) {}
}
