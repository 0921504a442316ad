package dev.runtimeservice.manager.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.runtimeservice.manager.streaming.StreamHub;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@code GET /api/events} and {@code GET /api/agents/{name}/logs?follow=true} on the real manager with real agents:
 * the events of a launch, a stop and a failure, the replay after a reconnect, secrets masked in a followed log, and
 * clients that never read, which must hold up neither the manager nor the other clients.
 */
class LiveEventsIT extends ManagerProcessTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(15);

    @Autowired
    StreamHub streams;

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    @Test
    void aLaunchAndAStopAreStreamedInOrderAndAReconnectGetsWhatItMissed() throws Exception {
        List<EventStreamReader.Event> seen;
        try (EventStreamReader events = EventStreamReader.open(url("/api/events?agent=echo"))) {
            assertThat(events.status).isEqualTo(200);
            launch("echo").statusCode(200);
            stop("echo").statusCode(200);
            seen = events.until(event -> event.data().contains("\"state\":\"STOPPED\""), WAIT);
        }
        List<String> states = seen.stream()
                .map(event -> JsonPath.from(event.data()).getString("state"))
                .toList();
        assertThat(states).containsExactly("STARTING", "RUNNING", "STOPPING", "STOPPED");
        assertThat(seen).allMatch(event -> event.name().equals("state"));
        JsonPath running = JsonPath.from(seen.get(1).data());
        assertThat(running.getString("agent")).isEqualTo("echo");
        assertThat(running.getString("previous")).isEqualTo("STARTING");
        assertThat(running.getLong("pid")).isPositive();
        List<Long> ids = seen.stream().map(event -> Long.parseLong(event.id())).toList();
        assertThat(ids).isSorted().doesNotHaveDuplicates();

        try (EventStreamReader again = EventStreamReader.open(
                url("/api/events?agent=echo"), "Last-Event-ID", seen.get(0).id())) {
            List<EventStreamReader.Event> replayed =
                    again.until(event -> event.data().contains("\"state\":\"STOPPED\""), WAIT);
            assertThat(replayed)
                    .extracting(EventStreamReader.Event::id)
                    .isEqualTo(ids.subList(1, 4).stream().map(String::valueOf).toList());
        }
        try (EventStreamReader stale = EventStreamReader.open(url("/api/events?last_event_id=1"))) {
            EventStreamReader.Event gap = stale.until(event -> true, WAIT).get(0);
            assertThat(gap.name()).isEqualTo("gap");
            assertThat(gap.data()).contains("read /api/list_agents again");
        }
    }

    @Test
    void aFailedStartIsStreamedWithItsReason() throws Exception {
        try (EventStreamReader events = EventStreamReader.open(url("/api/events?agent=crasher"))) {
            launch("crasher").statusCode(502);
            List<EventStreamReader.Event> seen =
                    events.until(event -> event.data().contains("\"state\":\"FAILED\""), WAIT);
            JsonPath failed = JsonPath.from(seen.get(seen.size() - 1).data());
            assertThat(failed.getString("reason")).contains("exit");
            assertThat(failed.getInt("exit_code")).isEqualTo(3);
        }
    }

    @Test
    void aCrashAndTheRestartThatFollowsAreStreamedWithTheReason() throws Exception {
        try (EventStreamReader events = EventStreamReader.open(url("/api/events?agent=phoenix"))) {
            long pid = launch("phoenix").statusCode(200).extract().jsonPath().getLong("agents[0].pid");
            new ProcessBuilder("kill", "-9", Long.toString(pid)).start().waitFor();
            List<EventStreamReader.Event> seen = events.until(
                    event -> event.data().contains("\"state\":\"RUNNING\"")
                            && event.data().contains("\"restarts\":1"),
                    WAIT);
            List<String> names = seen.stream()
                    .map(event ->
                            event.name() + ":" + JsonPath.from(event.data()).getString("state"))
                    .toList();
            assertThat(names)
                    .containsSubsequence(
                            "state:RUNNING", "state:BACKOFF", "restart:null", "state:STARTING", "state:RUNNING");
            EventStreamReader.Event backoff = seen.stream()
                    .filter(event -> event.data().contains("\"state\":\"BACKOFF\""))
                    .findFirst()
                    .orElseThrow();
            assertThat(JsonPath.from(backoff.data()).getString("reason")).contains("exited on its own with code 137");
            assertThat(JsonPath.from(backoff.data()).getString("next_restart_at"))
                    .isNotNull();
            EventStreamReader.Event restart = seen.stream()
                    .filter(event -> event.name().equals("restart"))
                    .findFirst()
                    .orElseThrow();
            assertThat(JsonPath.from(restart.data()).getInt("restarts")).isEqualTo(1);
        }
    }

    @Test
    void aBadLastEventIdOrAgentNameIsRefusedWithAProblem() {
        given().port(port)
                .header("Last-Event-ID", "yesterday")
                .get("/api/events")
                .then()
                .statusCode(400)
                .body("detail", org.hamcrest.Matchers.containsString("Last-Event-ID must be"));
        given().port(port).get("/api/events?agent=..").then().statusCode(400);
    }

    @Test
    void aFollowedLogShowsNewLinesAsTheyComeWithSecretsMasked() throws Exception {
        Map<String, Object> body =
                Map.of("agents", List.of("leaky"), "resources", Map.of("db", Map.of("password", "s3cr3t-follow")));
        String agentUrl = launch(body).statusCode(200).extract().path("agents[0].url");
        try (EventStreamReader plain = EventStreamReader.openPlain(url("/api/agents/leaky/logs?follow=true&lines=50"));
                EventStreamReader sse = EventStreamReader.open(
                        url("/api/agents/leaky/logs?follow=true&lines=0"), "Accept", "text/event-stream")) {
            // The log holds earlier runs of leaky too (other classes share this manager): read on to this run's
            // line with its resources, masked.
            List<EventStreamReader.Event> first =
                    plain.until(event -> event.data().contains("******"), WAIT);
            assertThat(first).allMatch(line -> !line.data().contains("s3cr3t-follow"));
            given().get(agentUrl + "/status-check-for-follow").then().statusCode(404);
            plain.until(event -> event.data().contains("status-check-for-follow"), WAIT);
            List<EventStreamReader.Event> live =
                    sse.until(event -> event.data().contains("status-check-for-follow"), WAIT);
            assertThat(live).allMatch(event -> !event.data().contains("s3cr3t-follow"));
        }
    }

    @Test
    void clientsThatNeverReadHoldUpNeitherTheManagerNorOtherClients() throws Exception {
        // Streams of earlier tests whose clients have gone may be released at any moment (at their next write), so
        // this test's streams are counted as opened, and the open ones only bound from above.
        int before = streams.openStreams();
        long opened = streams.streamsOpened();
        launch("flood").statusCode(200);
        List<Socket> stalled = new ArrayList<>();
        try (EventStreamReader reader =
                EventStreamReader.openPlain(url("/api/agents/flood/logs?follow=true&lines=0"))) {
            for (int i = 0; i < 10; i++) {
                stalled.add(stalledClient("/api/agents/flood/logs?follow=true"));
                stalled.add(stalledClient("/api/events"));
            }
            await().atMost(WAIT).until(() -> streams.streamsOpened() >= opened + 21);
            // The stalled followers fill their sockets within moments; the reading client still gets new lines.
            reader.until(line -> !line.data().isEmpty(), WAIT);
            long start = System.nanoTime();
            try (EventStreamReader events = EventStreamReader.open(url("/api/events?agent=echo"))) {
                launch("echo").statusCode(200);
                stop("echo", "flood").statusCode(200);
                events.until(event -> event.data().contains("\"state\":\"STOPPED\""), WAIT);
            }
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
        } finally {
            for (Socket socket : stalled) {
                socket.close();
            }
        }
        // Every stalled stream is released once its client has gone.
        await().atMost(WAIT).until(() -> streams.openStreams() <= before + 10);
    }

    @Test
    void clientsThatBreakOffStopNeitherTheTicksNorTheOtherClientsEventsAndLogs() throws Exception {
        // Launched first: its events release the streams of earlier tests whose clients have gone.
        String agentUrl = launch("echo").statusCode(200).extract().path("agents[0].url");
        int before = streams.openStreams();
        long opened = streams.streamsOpened();
        try (EventStreamReader events = EventStreamReader.open(url("/api/events?agent=echo"));
                EventStreamReader log = EventStreamReader.openPlain(url("/api/agents/echo/logs?follow=true&lines=0"))) {
            List<Socket> clients = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                clients.add(stalledClient("/api/events"));
                clients.add(stalledClient("/api/agents/echo/logs?follow=true"));
            }
            await().atMost(WAIT).until(() -> streams.streamsOpened() >= opened + 22);
            for (Socket client : clients) {
                breakOff(client);
            }
            // The agent's next log lines (its liveness probes) are written to the broken connections: each of those
            // streams fails and is released. The hub's ticks still run (a followed log is read on ticks only), and a
            // write that failed on the hub's thread never fails another client's stream: it did, now and then, when
            // Tomcat recorded the failure on a response already recycled for the next stream (such as these two
            // followed logs), which then ended before its first line (see OpenStream.endAfterPump).
            given().get(agentUrl + "/after-the-broken-clients").then().statusCode(404);
            log.until(line -> line.data().contains("after-the-broken-clients"), WAIT);
            try (EventStreamReader later =
                    EventStreamReader.openPlain(url("/api/agents/echo/logs?follow=true&lines=0"))) {
                given().get(agentUrl + "/after-the-broken-clients-again").then().statusCode(404);
                later.until(line -> line.data().contains("after-the-broken-clients-again"), WAIT);
            }
            // The stop's events are written to the broken event streams, which fail too; the events still come.
            stop("echo").statusCode(200);
            events.until(event -> event.data().contains("\"state\":\"STOPPED\""), WAIT);
            await().atMost(WAIT).until(() -> streams.openStreams() <= before + 2);
            // A followed log ends when its agent stops, with a last line that says so.
            List<EventStreamReader.Event> rest = log.until(line -> line.name().equals(EventStreamReader.END), WAIT);
            assertThat(rest.get(rest.size() - 2).data()).isEqualTo("-- echo stopped: its log ends here --");
        }
    }

    /** Resets the connection (RST): the manager's next write to it fails. */
    private static void breakOff(Socket socket) throws IOException {
        socket.setSoLinger(true, 0);
        socket.close();
    }

    /** A client that asks for a stream and then never reads, with a small receive buffer that fills at once. */
    private Socket stalledClient(String path) throws IOException {
        Socket socket = new Socket();
        socket.setReceiveBufferSize(1024);
        socket.connect(new InetSocketAddress("127.0.0.1", port));
        OutputStream out = socket.getOutputStream();
        out.write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return socket;
    }
}
