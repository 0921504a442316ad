package dev.runtimeservice.manager.telemetry;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.net.http.HttpRequest;
import org.springframework.stereotype.Component;

/**
 * Adds the current trace's W3C {@code traceparent} (and {@code tracestate}) to a request the manager sends an agent,
 * so that the agent's spans join the manager's trace.
 */
@Component
public class TraceHeaders {

    private final Tracer tracer;
    private final Propagator propagator;

    TraceHeaders(Tracer tracer, Propagator propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    /** Adds the headers of the current span, if there is one, to {@code request}; returns it. */
    public HttpRequest.Builder inject(HttpRequest.Builder request) {
        Span span = tracer.currentSpan();
        if (span != null) {
            propagator.inject(span.context(), request, (carrier, name, value) -> {
                if (carrier != null) {
                    carrier.header(name, value);
                }
            });
        }
        return request;
    }
}
