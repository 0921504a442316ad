package dev.runtimeservice.common.sse;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.function.Predicate;

/**
 * Reads a Server-Sent Events answer (the manager's {@code /api/events} and log streams) event by event, as the format
 * defines: for the CLI, and for the orchestrator, which follows the manager's events.
 */
public final class ServerSentEvents {

    /**
     * One event.
     *
     * @param id its id (the last one seen when it carries none)
     * @param name its name ({@code message} when it carries none)
     * @param data its data lines, joined by newlines
     */
    public record Event(String id, String name, String data) {}

    private ServerSentEvents() {}

    /**
     * Reads events from {@code body} and hands each to {@code handler} until the handler returns false or the
     * stream ends; closes the stream.
     *
     * @return whether the handler asked to stop (false: the stream ended first)
     */
    public static boolean read(InputStream body, Predicate<Event> handler) throws IOException {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            String id = "";
            String name = "message";
            StringBuilder data = new StringBuilder();
            boolean hasData = false;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.isEmpty()) {
                    if (hasData && !handler.test(new Event(id, name, data.toString()))) {
                        return true;
                    }
                    name = "message";
                    data.setLength(0);
                    hasData = false;
                } else if (!line.startsWith(":")) {
                    int colon = line.indexOf(':');
                    String field = colon < 0 ? line : line.substring(0, colon);
                    String value = colon < 0 ? "" : line.substring(colon + 1);
                    value = value.startsWith(" ") ? value.substring(1) : value;
                    switch (field) {
                        case "id" -> id = value;
                        case "event" -> name = value;
                        case "data" -> {
                            data.append(hasData ? "\n" : "").append(value);
                            hasData = true;
                        }
                        default -> {
                            // retry and unknown fields: nothing to do
                        }
                    }
                }
            }
            return false;
        }
    }
}
