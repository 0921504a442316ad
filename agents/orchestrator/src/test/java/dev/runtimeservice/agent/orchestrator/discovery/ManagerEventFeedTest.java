package dev.runtimeservice.agent.orchestrator.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import dev.runtimeservice.agent.orchestrator.OrchestratorProperties;
import dev.runtimeservice.agent.sdk.config.AgentProperties;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * The feed against a stand-in for the manager's {@code /api/events} on loopback (the manager is another module; the
 * real one is followed in OrchestratorIT, where a stopped agent leaves the orchestrator's list in seconds).
 */
class ManagerEventFeedTest {

    private final Queue<String> streams = new ConcurrentLinkedQueue<>();
    private final Queue<String> lastEventIds = new ConcurrentLinkedQueue<>();
    private final Queue<String> tokens = new ConcurrentLinkedQueue<>();
    private final HttpServer manager;
    private final AtomicInteger changes = new AtomicInteger();
    private @Nullable ManagerEventFeed feed;

    ManagerEventFeedTest() throws IOException {
        manager = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        manager.createContext("/api/events", exchange -> {
            lastEventIds.add(String.valueOf(exchange.getRequestHeaders().getFirst("Last-Event-ID")));
            tokens.add(String.valueOf(exchange.getRequestHeaders().getFirst(AgentProperties.TOKEN_HEADER)));
            String body = streams.poll();
            if (body == null) {
                exchange.sendResponseHeaders(503, -1);
                exchange.close();
                return;
            }
            exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body.getBytes(StandardCharsets.UTF_8));
            }
        });
        manager.start();
    }

    @AfterEach
    void stop() {
        if (feed != null) {
            feed.destroy();
        }
        manager.stop(0);
    }

    private void follow() {
        AgentProperties agent = new AgentProperties(
                "orchestrator",
                Path.of("."),
                null,
                URI.create("http://127.0.0.1:" + manager.getAddress().getPort()),
                "launch-token",
                false,
                Duration.ofMillis(200));
        OrchestratorProperties properties = new OrchestratorProperties(
                Duration.ofSeconds(30), Duration.ofSeconds(2), 2, null, Duration.ofSeconds(30), 0.4);
        JsonMapper json = JsonMapper.builder().build();
        feed = new ManagerEventFeed(new ManagerClient(agent, properties, json), json);
        feed.follow(changes::incrementAndGet);
    }

    private static String state(long id, String agent, String state, @Nullable String previous) {
        return "id: " + id + "\nevent: state\ndata: {\"id\":" + id + ",\"agent\":\"" + agent + "\",\"kind\":\"state\","
                + "\"state\":\"" + state + "\",\"previous\":" + (previous == null ? "null" : "\"" + previous + "\"")
                + "}\n\n";
    }

    @Test
    void anAgentThatStartsOrStopsRunningIsALookAgainAndOtherEventsAreNot() {
        streams.add(": heartbeat\n\n"
                + state(1, "vfs", "STARTING", null)
                + state(2, "vfs", "RUNNING", "STARTING")
                + "id: 3\nevent: standby\ndata: {\"kind\":\"standby\",\"change\":\"WARM\"}\n\n"
                + state(4, "vfs", "STOPPING", "RUNNING")
                + state(5, "vfs", "STOPPED", "STOPPING")
                + "id: 6\nevent: gap\ndata: {\"kind\":\"gap\"}\n\n");
        streams.add("");
        follow();

        // Once as the first stream opens, for RUNNING, for leaving RUNNING and for the gap; once more as it reopens.
        await().atMost(Duration.ofSeconds(5)).until(() -> changes.get() == 5);
        assertThat(lastEventIds).containsExactly("null", "6");
        assertThat(tokens).containsOnly("launch-token");
    }

    @Test
    void aManagerThatCannotBeFollowedIsAskedAgainLaterFromTheLastEventRead() {
        streams.add(state(41, "kendra", "RUNNING", "STARTING"));
        follow();

        // The stream ends, the next open is refused (503): the feed waits 1 s, then 2 s, and opens again from 41.
        await().atMost(Duration.ofSeconds(5)).until(() -> lastEventIds.size() == 2);
        streams.add(state(42, "kendra", "STOPPED", "RUNNING"));
        await().atMost(Duration.ofSeconds(10)).until(() -> lastEventIds.size() == 3);
        await().atMost(Duration.ofSeconds(5)).until(() -> changes.get() == 4);
        assertThat(List.copyOf(lastEventIds)).containsExactly("null", "41", "41");
    }
}
