package dev.runtimeservice.agent.orchestrator.delegation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.runtimeservice.agent.orchestrator.OrchestratorProperties;
import dev.runtimeservice.agent.sdk.observability.OutgoingCalls;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.otel.bridge.OtelCurrentTraceContext;
import io.micrometer.tracing.otel.bridge.OtelPropagator;
import io.micrometer.tracing.otel.bridge.OtelTracer;
import io.micrometer.tracing.propagation.Propagator;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.json.JsonMapper;

/**
 * The delegate with the official A2A client, against a JSON-RPC endpoint on loopback (the JDK's HTTP server, which
 * answers as an agent would; the agents themselves are called in {@code OrchestratorIT}).
 */
class SkillDelegateTest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    HttpServer server;
    final List<String> requests = new CopyOnWriteArrayList<>();
    final List<String> requestIds = new CopyOnWriteArrayList<>();
    final List<String> traceparents = new CopyOnWriteArrayList<>();

    SkillDelegate delegate(Duration timeout) {
        return delegate(
                timeout,
                new OutgoingCalls(new SimpleMeterRegistry(), ObservationRegistry.NOOP, Tracer.NOOP, Propagator.NOOP));
    }

    SkillDelegate delegate(Duration timeout, OutgoingCalls outgoing) {
        return new SkillDelegate(
                new A2aClientFactory(JSON, outgoing),
                JSON,
                new OrchestratorProperties(Duration.ofSeconds(3), Duration.ofSeconds(2), 2, null, timeout, 0.4));
    }

    String serve(String task, long delayMs) throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/a2a", exchange -> {
            String call = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            requests.add(call);
            requestIds.add(exchange.getRequestHeaders().getFirst("X-Request-Id"));
            traceparents.add(String.valueOf(exchange.getRequestHeaders().getFirst("traceparent")));
            String id = JSON.readTree(call).path("id").toString();
            byte[] body = ("{\"jsonrpc\": \"2.0\", \"id\": " + id + ", \"result\": {\"task\": " + task + "}}")
                    .getBytes(StandardCharsets.UTF_8);
            try {
                Thread.sleep(delayMs);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/a2a";
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void namesTheSkillSendsTheRequestIdAndReadsADataPartThatHoldsANull() throws Exception {
        String url = serve("""
                {"id": "t1", "contextId": "c1", "status": {"state": "TASK_STATE_COMPLETED"},
                 "artifacts": [{"artifactId": "a", "parts": [{"text": "hello"},
                   {"data": {"text": "hello", "base64": null, "size": 5}}]}]}""", 0);

        Delegation answer = delegate(Duration.ofSeconds(10))
                .call(
                        new SkillTarget("vfs", "vfs.read", url),
                        new SkillInput(java.util.Map.of("path", "a.txt"), "read a.txt"),
                        "req-1");

        assertThat(answer.state()).isEqualTo("completed");
        assertThat(answer.taskId()).isEqualTo("t1");
        assertThat(answer.output()).isEqualTo("hello");
        assertThat(JSON.valueToTree(answer.answer()).path("text").asString()).isEqualTo("hello");
        assertThat(requestIds).containsExactly("req-1");
        assertThat(JSON.readTree(requests.get(0))
                        .path("params")
                        .path("message")
                        .path("metadata")
                        .path("skill")
                        .asString())
                .isEqualTo("vfs.read");
    }

    @Test
    void wholeNumbersInTheAgentsDataStayIntegersInTheAnswer() throws Exception {
        // The A2A client reads every JSON number as a double: without WholeNumbers, "limit": 100 came back as 100.0.
        String url = serve("""
                {"id": "t2", "contextId": "c2", "status": {"state": "TASK_STATE_COMPLETED"},
                 "artifacts": [{"artifactId": "a", "parts": [
                   {"data": {"total": 2, "limit": 100, "score": 0.5, "entries": [{"size": 1024}]}}]}]}""", 0);

        Delegation answer = delegate(Duration.ofSeconds(10))
                .call(new SkillTarget("vfs", "vfs.list", url), new SkillInput(null, "list"), "req-2");

        var data = JSON.valueToTree(answer.answer());
        assertThat(data.path("total").isIntegralNumber()).isTrue();
        assertThat(data.path("limit").asLong()).isEqualTo(100L);
        assertThat(data.path("entries").path(0).path("size").isIntegralNumber()).isTrue();
        assertThat(data.path("score").asDouble()).isEqualTo(0.5);
        assertThat(answer.output())
                .contains("\"limit\":100")
                .contains("\"size\":1024")
                .doesNotContain(".0");
    }

    @Test
    void theCallCarriesTheTraceparentOfTheCallersSpanThoughItIsSentFromAWorkerThread() throws Exception {
        String url =
                serve("{\"id\": \"t5\", \"contextId\": \"c\", \"status\": {\"state\": \"TASK_STATE_COMPLETED\"}}", 0);
        // A real OpenTelemetry tracer (the SDK's, exporting nowhere) behind Micrometer's bridge, as in the agents.
        try (SdkTracerProvider provider = SdkTracerProvider.builder().build()) {
            io.opentelemetry.api.trace.Tracer otel = provider.get("test");
            OtelTracer tracer = new OtelTracer(otel, new OtelCurrentTraceContext(), event -> {});
            OtelPropagator propagator =
                    new OtelPropagator(ContextPropagators.create(W3CTraceContextPropagator.getInstance()), otel);
            SkillDelegate delegate = delegate(
                    Duration.ofSeconds(10),
                    new OutgoingCalls(new SimpleMeterRegistry(), ObservationRegistry.NOOP, tracer, propagator));
            Span call = tracer.nextSpan().name("agent call").start();
            try (Tracer.SpanInScope scope = tracer.withSpan(call)) {
                delegate.call(new SkillTarget("kendra", "search", url), new SkillInput(null, "solar"), "req-5");
            } finally {
                call.end();
            }

            assertThat(traceparents)
                    .containsExactly("00-" + call.context().traceId() + "-"
                            + call.context().spanId() + "-01");
        }
    }

    @Test
    void aTaskThatFailsIsABadGatewayWithItsMessage() throws Exception {
        String url = serve("""
                {"id": "t2", "contextId": "c2", "status": {"state": "TASK_STATE_FAILED", "message": {"messageId": "m",
                 "role": "ROLE_AGENT", "parts": [{"text": "No file or folder 'a.txt'"}]}}}""", 0);

        assertThatThrownBy(() -> delegate(Duration.ofSeconds(10))
                        .call(new SkillTarget("vfs", "vfs.read", url), new SkillInput(null, "read a.txt"), "req-2"))
                .isInstanceOfSatisfying(DelegationException.class, e -> {
                    assertThat(e.status()).isEqualTo(HttpStatus.BAD_GATEWAY);
                    assertThat(e.getMessage()).isEqualTo("vfs's task t2 ended failed: No file or folder 'a.txt'");
                });
    }

    @Test
    void noAnswerInTimeIsAGatewayTimeoutAndNoServerIsUnavailable() throws Exception {
        String url = serve(
                "{\"id\": \"t3\", \"contextId\": \"c\", \"status\": {\"state\": \"TASK_STATE_COMPLETED\"}}", 3000);

        assertThatThrownBy(() -> delegate(Duration.ofMillis(300))
                        .call(new SkillTarget("slow", "s", url), new SkillInput(null, "x"), "req-3"))
                .isInstanceOfSatisfying(
                        DelegationException.class, e -> assertThat(e.status()).isEqualTo(HttpStatus.GATEWAY_TIMEOUT));
        int closed;
        try (var socket = new java.net.ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        assertThatThrownBy(() -> delegate(Duration.ofSeconds(5))
                        .call(
                                new SkillTarget("gone", "s", "http://127.0.0.1:" + closed + "/a2a"),
                                new SkillInput(null, "x"),
                                "req-4"))
                .isInstanceOfSatisfying(
                        DelegationException.class,
                        e -> assertThat(e.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE));
    }
}
