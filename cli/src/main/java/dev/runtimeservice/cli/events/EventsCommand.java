package dev.runtimeservice.cli.events;

import dev.runtimeservice.cli.RuntimeCli;
import dev.runtimeservice.common.sse.ServerSentEvents;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code runtime events}: the manager's lifecycle events as they happen, one line each (NDJSON with --json). */
@Command(
        name = "events",
        description = "Follow the agents' lifecycle events: state changes, restarts, failures with their reason, "
                + "standbys. Ctrl-C stops.")
public final class EventsCommand implements Callable<Integer> {

    @ParentCommand
    @SuppressWarnings("NullAway.Init") // injected by picocli
    RuntimeCli root;

    @Option(names = "--agent", paramLabel = "NAME", description = "only this agent's events (repeatable)")
    List<String> agents = new ArrayList<>();

    @Option(
            names = "--since",
            paramLabel = "ID",
            description = "start after this event id (replayed from the manager's buffer)")
    @Nullable
    String since;

    @Option(names = "--count", paramLabel = "N", description = "stop after N events")
    int count = -1;

    @Override
    public Integer call() throws IOException {
        StringBuilder path = new StringBuilder("/api/events");
        for (String agent : agents) {
            path.append(path.indexOf("?") < 0 ? '?' : '&')
                    .append("agent=")
                    .append(URLEncoder.encode(agent, StandardCharsets.UTF_8));
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Accept", "text/event-stream");
        if (since != null) {
            headers.put("Last-Event-ID", since);
        }
        PrintWriter out = root.out();
        int[] left = {count};
        String[] lastId = {since == null ? "" : since};
        InputStream body = root.client().open(path.toString(), headers);
        boolean stopped;
        @Nullable IOException broken = null;
        try {
            stopped = ServerSentEvents.read(body, event -> {
                lastId[0] = event.id();
                out.println(root.json() ? event.data().replace('\n', ' ') : EventLine.of(event.data()));
                out.flush();
                return --left[0] != 0;
            });
        } catch (IOException e) {
            stopped = false;
            broken = e;
        }
        if (!stopped) {
            // The manager ends its streams only when it stops: from here on it cannot be reached (exit code 3).
            throw root.client()
                    .lost(
                            "the event stream",
                            "resume with: runtime events" + (lastId[0].isEmpty() ? "" : " --since " + lastId[0]),
                            broken);
        }
        return 0;
    }
}
