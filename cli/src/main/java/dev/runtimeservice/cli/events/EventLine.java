package dev.runtimeservice.cli.events;

import dev.runtimeservice.cli.client.Json;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import tools.jackson.databind.JsonNode;

/** A lifecycle event as one line an operator reads: {@code 13:41:30  vfs  RUNNING (was STARTING) pid 4211}. */
public final class EventLine {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

    private EventLine() {}

    /** The line for an event's JSON data. */
    public static String of(String data) {
        return of(Json.MAPPER.readTree(data));
    }

    /** The line for an event's JSON data, parsed already. */
    public static String of(JsonNode event) {
        String time = event.hasNonNull("time")
                ? TIME.format(Instant.parse(event.get("time").asString()))
                : "--:--:--";
        String agent = event.path("agent").asString("-");
        return time + "  " + String.format("%-12s", agent) + "  " + describe(event);
    }

    private static String describe(JsonNode event) {
        return switch (event.path("kind").asString("")) {
            case "state" -> state(event);
            case "restart" ->
                "restart " + event.path("restarts").asInt() + " after it "
                        + event.path("reason").asString("ended");
            case "standby" ->
                "standby " + event.path("change").asString("").toLowerCase() + " (pid "
                        + event.path("pid").asLong() + ")";
            case "gap" -> "(" + event.path("detail").asString("some events were missed") + ")";
            default -> event.toString();
        };
    }

    private static String state(JsonNode event) {
        StringBuilder text = new StringBuilder(event.path("state").asString("?"));
        if (event.hasNonNull("previous")) {
            text.append(" (was ").append(event.get("previous").asString()).append(')');
        }
        if (event.hasNonNull("pid")) {
            text.append(" pid ").append(event.get("pid").asLong());
        }
        if (event.hasNonNull("port")) {
            text.append(" port ").append(event.get("port").asInt());
        }
        if (event.hasNonNull("exit_code")) {
            text.append(" exit code ").append(event.get("exit_code").asInt());
        }
        if (event.hasNonNull("reason")) {
            text.append(": ").append(event.get("reason").asString().replaceAll("\\s*\\R\\s*", " "));
        }
        return text.toString();
    }
}
