package dev.runtimeservice.agent.sdk.observability;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationPredicate;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.SpanExporters;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.server.observation.ServerRequestObservationContext;

/** Decides OTLP export when the agent starts, keeps actuator requests out of traces, provides {@link OutgoingCalls}. */
@Configuration(proxyBeanMethods = false)
public class ObservabilityConfiguration {

    /** Creates the configuration; used by the SDK's auto-configuration. */
    public ObservabilityConfiguration() {}

    @Bean
    SpanExporters agentSpanExporters(Environment environment) {
        return OtlpExport.exporters(environment);
    }

    /**
     * Leaves actuator requests (the manager's health probes, Prometheus scrapes) out of traces and request metrics:
     * they come every few seconds and would bury the requests an operator follows.
     */
    @Bean
    ObservationPredicate agentActuatorNotObserved() {
        return (name, context) -> !(context instanceof ServerRequestObservationContext server
                && server.getCarrier() != null
                && server.getCarrier().getRequestURI().startsWith("/actuator"));
    }

    @Bean
    OutgoingCalls agentOutgoingCalls(
            MeterRegistry meters, ObservationRegistry observations, Tracer tracer, Propagator propagator) {
        return new OutgoingCalls(meters, observations, tracer, propagator);
    }
}
