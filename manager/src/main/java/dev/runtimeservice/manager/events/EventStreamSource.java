package dev.runtimeservice.manager.events;

import dev.runtimeservice.manager.streaming.StreamSource;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * One client's read position in the {@link EventLog}, as Server-Sent Events: each event with its id, its kind as
 * the event name and its JSON as data. A client that fell behind the buffer, or came back with the id of an earlier
 * manager, first gets a {@code gap} event: what it holds may be stale, so it should read the agent list again.
 */
final class EventStreamSource implements StreamSource {

    private static final int BATCH = 64;
    private static final byte[] HEARTBEAT = ": keep-alive\n\n".getBytes(StandardCharsets.UTF_8);

    private final EventLog log;
    private final Set<String> agents;
    private final JsonMapper json;
    private long cursor;
    private boolean greeted;

    /**
     * @param lastId the last event the client has; events after it are sent
     * @param agents only these agents' events, or every agent's when empty
     */
    EventStreamSource(EventLog log, long lastId, Set<String> agents, JsonMapper json) {
        this.log = log;
        this.cursor = lastId;
        this.agents = Set.copyOf(agents);
        this.json = json;
    }

    @Override
    public byte @Nullable [] next() {
        StringBuilder out = new StringBuilder();
        if (!greeted) {
            greeted = true;
            // Sent at once, so that the client knows the stream is open (its position is taken) before it acts.
            out.append("retry: 2000\n: connected\n\n");
        }
        EventLog.Slice slice = log.after(cursor, BATCH);
        if (slice.gap()) {
            long missedAfter = cursor;
            cursor = slice.events().isEmpty()
                    ? log.lastId()
                    : slice.events().get(0).id() - 1;
            out.append(gap(missedAfter));
        }
        for (LifecycleEvent event : slice.events()) {
            cursor = event.id();
            if (agents.isEmpty() || agents.contains(event.agent())) {
                out.append("id: ").append(event.id()).append('\n');
                out.append("event: ").append(event.kind()).append('\n');
                out.append("data: ").append(json.writeValueAsString(event)).append("\n\n");
            }
        }
        return out.length() == 0 ? null : out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private String gap(long missedAfter) {
        Map<String, Object> gap = Map.of(
                "kind",
                "gap",
                "after",
                missedAfter,
                "detail",
                "Some events after id " + missedAfter + " are no longer kept (runtime.events.buffer-size), or "
                        + "the id is from an earlier manager: read /api/list_agents again.");
        return "id: " + cursor + "\nevent: gap\ndata: " + json.writeValueAsString(gap) + "\n\n";
    }

    @Override
    public byte[] heartbeat() {
        return HEARTBEAT;
    }
}
