package dev.runtimeservice.agent.sdk.observability;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.runtimeservice.agent.sdk.testapp.TestAgentApplication;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Tracer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An agent's traces and metrics over real HTTP on loopback: the caller's W3C traceparent is kept and logged, calls
 * made through {@link OutgoingCalls} carry the current trace to a real JDK HTTP server, and Prometheus can scrape the
 * request timings. Same context as {@code RequestIdTests}, so Spring starts it once.
 */
@ExtendWith(OutputCaptureExtension.class)
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
    void aRequestJoinsItsCallersTraceAndItsLogLineCarriesTheTraceId(CapturedOutput output) throws Exception {
        HttpResponse<String> answer = HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/status"))
                        .header("traceparent", "00-" + TRACE_ID + "-b7ad6b7169203331-01")
                        .header("X-Request-Id", "obs-1")
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(output.getOut())
                .containsPattern("\\[req=obs-1\\] GET /status answered 200 in \\d+ ms \\[trace=" + TRACE_ID + "\\]");
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

        HttpResponse<String> scrape = HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/prometheus"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.body()).containsPattern("http_server_requests_seconds_count\\{[^}]*uri=\"/status\"");
    }
}
