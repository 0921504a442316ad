package dev.runtimeservice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code runtime events} and {@code runtime logs -f} when the manager ends the stream before the command is done,
 * which the manager does only when it stops: exit code 3 (unreachable from here on) and one line that says how to
 * resume. The manager's side is a JDK HTTP server on loopback that answers as a stopping manager does (a few
 * events, then the end of the answer): stopping the real manager is not something a test in this JVM can do.
 */
class StreamEndedTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private HttpServer manager;

    @BeforeEach
    void startTheStandIn() throws Exception {
        manager = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        manager.createContext(
                "/api/events",
                exchange -> answer(
                        exchange,
                        "retry: 2000\n: connected\n\nid: 41\nevent: state\n"
                                + "data: {\"kind\":\"state\",\"agent\":\"vfs\",\"state\":\"STOPPING\"}\n\n"));
        manager.createContext("/api/agents/vfs/logs", exchange -> answer(exchange, "data: one line\n\n"));
        manager.start();
    }

    private static void answer(com.sun.net.httpserver.HttpExchange exchange, String body) throws java.io.IOException {
        exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream stream = exchange.getResponseBody()) {
            stream.write(body.getBytes(StandardCharsets.UTF_8));
        }
    }

    @AfterEach
    void stopTheStandIn() {
        manager.stop(0);
    }

    private int run(String... args) {
        String url = "http://127.0.0.1:" + manager.getAddress().getPort();
        return RuntimeCli.execute(
                Map.of("RUNTIME_URL", url), new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    @Test
    void anEventStreamThatTheManagerEndsIsExitCodeThreeWithHowToResume() {
        assertThat(run("events")).isEqualTo(ExitCodes.UNREACHABLE);
        assertThat(out.toString()).contains("vfs           STOPPING");
        assertThat(err.toString())
                .startsWith("runtime: the manager at http://127.0.0.1:")
                .contains("ended the event stream")
                .endsWith("resume with: runtime events --since 41\n")
                .hasLineCount(1);
    }

    @Test
    void aFollowedLogThatEndsWithoutItsAgentsEndIsExitCodeThree() {
        assertThat(run("logs", "vfs", "-f")).isEqualTo(ExitCodes.UNREACHABLE);
        assertThat(out.toString()).isEqualTo("one line\n");
        assertThat(err.toString())
                .contains("ended the followed log")
                .endsWith("follow it again with: runtime logs -f vfs\n")
                .hasLineCount(1);
    }
}
