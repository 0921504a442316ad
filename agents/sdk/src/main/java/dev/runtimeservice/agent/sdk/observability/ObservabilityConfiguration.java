package dev.runtimeservice.agent.sdk.observability;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.SpanExporters;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** Decides OTLP export when the agent starts and provides {@link OutgoingCalls}. */
@Configuration(proxyBeanMethods = false)
public class ObservabilityConfiguration {

    /** Creates the configuration; used by the SDK's auto-configuration. */
    public ObservabilityConfiguration() {}

    @Bean
    SpanExporters agentSpanExporters(Environment environment) {
        return OtlpExport.exporters(environment);
    }

    @Bean
    OutgoingCalls agentOutgoingCalls(
            MeterRegistry meters, ObservationRegistry observations, Tracer tracer, Propagator propagator) {
        return new OutgoingCalls(meters, observations, tracer, propagator);
    }
}
