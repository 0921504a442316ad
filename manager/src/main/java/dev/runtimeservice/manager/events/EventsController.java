package dev.runtimeservice.manager.events;

import dev.runtimeservice.manager.agent.AgentNames;
import dev.runtimeservice.manager.error.InvalidRequestException;
import dev.runtimeservice.manager.streaming.StreamHub;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/** {@code GET /api/events}: the agents' lifecycle events as a Server-Sent Events stream. */
@RestController
class EventsController {

    private final EventLog log;
    private final StreamHub streams;
    private final JsonMapper json;

    EventsController(EventLog log, StreamHub streams, JsonMapper json) {
        this.log = log;
        this.streams = streams;
        this.json = json;
    }

    @Operation(
            summary = "Lifecycle events (Server-Sent Events)",
            description = "state (every state change, with the reason of a failure), restart (a restart after a "
                    + "crash) and standby (made warm, used) events, each with an id. A client that reconnects with "
                    + "Last-Event-ID gets the events it missed from a bounded buffer; one that missed more gets a gap "
                    + "event first. Without Last-Event-ID the stream starts with the next event.")
    @GetMapping(value = "/api/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    void events(
            @Parameter(description = "only these agents' events (repeat the parameter)")
                    @RequestParam(name = "agent", required = false)
                    @Nullable
                    List<String> agents,
            @Parameter(
                            description = "the last event the client has; as the Last-Event-ID header, for clients "
                                    + "that cannot set headers")
                    @RequestParam(name = "last_event_id", required = false)
                    @Nullable
                    String lastEventIdParameter,
            @RequestHeader(name = "Last-Event-ID", required = false) @Nullable String lastEventId,
            HttpServletRequest request,
            HttpServletResponse response)
            throws IOException {
        Set<String> names = agents == null ? Set.of() : Set.copyOf(agents);
        List<String> invalid =
                names.stream().filter(name -> !AgentNames.isValid(name)).toList();
        if (!invalid.isEmpty()) {
            throw new InvalidRequestException("agent must name agents of " + AgentNames.RULE + "; invalid: " + invalid
                    + ". Example: " + "/api/events?agent=vfs");
        }
        long from = lastId(lastEventId != null ? lastEventId : lastEventIdParameter);
        response.setStatus(200);
        response.setContentType(MediaType.TEXT_EVENT_STREAM_VALUE + ";charset=UTF-8");
        streams.open(request, response, new EventStreamSource(log, from, names, json));
    }

    private long lastId(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return log.lastId();
        }
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw new InvalidRequestException(
                    "Last-Event-ID must be the id of an event this stream sent (a number), not '" + text.strip()
                            + "'; leave it out to start with the next event.");
        }
    }
}
