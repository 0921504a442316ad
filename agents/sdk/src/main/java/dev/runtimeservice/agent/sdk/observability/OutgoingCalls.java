package dev.runtimeservice.agent.sdk.observability;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.java11.instrument.binder.jdk.MicrometerHttpClient;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.net.http.HttpClient;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one way an agent's calls to other services are traced. {@link #instrument} wraps a JDK {@link HttpClient} so
 * that each request gets a client span, carries the W3C {@code traceparent} of that span and is timed in
 * {@code http_client_requests_seconds}; {@link #traceHeaders} gives the headers of the current span for a client that
 * builds its own requests (an A2A client's call interceptor, say).
 */
public final class OutgoingCalls {

    private final MeterRegistry meters;
    private final ObservationRegistry observations;
    private final Tracer tracer;
    private final Propagator propagator;

    /**
     * Creates the instrumentation; the SDK registers one as a bean.
     *
     * @param meters where client request timings go
     * @param observations where client spans are made
     * @param tracer the current span's source
     * @param propagator writes the W3C headers
     */
    public OutgoingCalls(MeterRegistry meters, ObservationRegistry observations, Tracer tracer, Propagator propagator) {
        this.meters = meters;
        this.observations = observations;
        this.tracer = tracer;
        this.propagator = propagator;
    }

    /**
     * An HTTP client that sends through {@code client}, with a client span per request and its trace headers.
     *
     * @param client the client to send through
     * @return the instrumented client
     */
    public HttpClient instrument(HttpClient client) {
        return MicrometerHttpClient.instrumentationBuilder(client, meters)
                .observationRegistry(observations)
                .build();
    }

    /**
     * The W3C trace headers ({@code traceparent}, and {@code tracestate} when there is one) of the current span.
     *
     * @return the headers by name; empty outside a span
     */
    public Map<String, String> traceHeaders() {
        Map<String, String> headers = new LinkedHashMap<>();
        Span span = tracer.currentSpan();
        if (span != null) {
            propagator.inject(span.context(), headers, (carrier, name, value) -> {
                if (carrier != null) {
                    carrier.put(name, value);
                }
            });
        }
        return headers;
    }
}
