package dev.runtimeservice.agent.sdk.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.sun.net.httpserver.HttpServer;
import dev.runtimeservice.agent.sdk.testapp.TestAgentApplication;
import dev.runtimeservice.agent.sdk.trace.RequestIdFilter;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Tracer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An agent's traces and metrics over real HTTP on loopback: the caller's W3C traceparent is kept and logged, calls
 * made through {@link OutgoingCalls} carry the current trace to a real JDK HTTP server, and Prometheus can scrape the
 * request timings. Same context as {@code RequestIdTests}, so Spring starts it once.
 */
@SpringBootTest(
        classes = TestAgentApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "agent.name=trace-agent")
class ObservabilityTests {

    private static final String TRACE_ID = "0af7651916cd43dd8448eb211c80319c";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    OutgoingCalls outgoing;

    @Autowired
    ObservationRegistry observations;

    @Autowired
    Tracer tracer;

    @Test
    void aRequestJoinsItsCallersTraceAndItsLogLineCarriesTheTraceId() throws Exception {
        // The log pattern that prints it is checked by RequestIdTests; here, that the line is logged in the trace.
        Logger logger = (Logger) LoggerFactory.getLogger(RequestIdFilter.class);
        ListAppender<ILoggingEvent> lines = new ListAppender<>();
        lines.start();
        logger.addAppender(lines);
        // Other tests of this JVM may have left logging at ERROR (the standby tests run an agent that logs only those).
        Level level = logger.getLevel();
        logger.setLevel(Level.INFO);
        try {
            HttpResponse<String> answer = HTTP.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/status"))
                            .header("traceparent", "00-" + TRACE_ID + "-b7ad6b7169203331-01")
                            .header("X-Request-Id", "obs-1")
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).isEqualTo(200);
            // The line is written as the filter ends, which may be just after the answer reached the client.
            await().atMost(Duration.ofSeconds(5))
                    .untilAsserted(() -> assertThat(lines.list)
                            .filteredOn(line ->
                                    "obs-1".equals(line.getMDCPropertyMap().get("request_id")))
                            .singleElement()
                            .satisfies(
                                    line -> assertThat(line.getMDCPropertyMap()).containsEntry("traceId", TRACE_ID)));
        } finally {
            logger.detachAppender(lines);
            logger.setLevel(level);
        }
    }

    @Test
    void aCallThroughTheInstrumentedClientCarriesTheCurrentTrace() throws Exception {
        List<String> received = new CopyOnWriteArrayList<>();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            received.add(String.valueOf(exchange.getRequestHeaders().getFirst("traceparent")));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
        Observation step = Observation.start("test.step", observations);
        String traceId;
        Map<String, String> headers;
        try (Observation.Scope ignored = step.openScope()) {
            traceId = tracer.currentSpan().context().traceId();
            headers = outgoing.traceHeaders();
            outgoing.instrument(HttpClient.newHttpClient())
                    .send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                                            + server.getAddress().getPort() + "/x"))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding());
        } finally {
            step.stop();
            server.stop(0);
        }

        assertThat(headers.get("traceparent")).startsWith("00-" + traceId + "-");
        // The call has a client span of its own, under the current one: same trace, another span id.
        assertThat(received).singleElement().asString().startsWith("00-" + traceId + "-");
        assertThat(received.get(0)).isNotEqualTo(headers.get("traceparent"));
    }

    @Test
    void prometheusScrapesTheAgentsRequestTimings() throws Exception {
        HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/status"))
                        .build(),
                HttpResponse.BodyHandlers.discarding());
        HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness"))
                        .build(),
                HttpResponse.BodyHandlers.discarding());

        HttpResponse<String> scrape = HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/prometheus"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.body()).containsPattern("http_server_requests_seconds_count\\{[^}]*uri=\"/status\"");
        // Scrapes and health probes are neither timed nor traced.
        assertThat(scrape.body()).doesNotContain("uri=\"/actuator");
    }
}
