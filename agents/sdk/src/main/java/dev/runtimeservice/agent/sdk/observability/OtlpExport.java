package dev.runtimeservice.agent.sdk.observability;

import dev.runtimeservice.common.telemetry.OtlpEndpoint;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporterBuilder;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.SpanExporters;
import org.springframework.core.env.Environment;

/**
 * Where an agent's spans go: over OTLP when {@code OTEL_EXPORTER_OTLP_ENDPOINT} is set (agents inherit it from the
 * manager), nowhere otherwise. Decided when the agent starts, not by a bean condition, which Spring AOT would fix at
 * build time.
 */
final class OtlpExport {

    private static final Logger log = LoggerFactory.getLogger(OtlpExport.class);

    private OtlpExport() {}

    static SpanExporters exporters(Environment environment) {
        Optional<OtlpEndpoint> endpoint;
        try {
            endpoint = OtlpEndpoint.from(environment::getProperty);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        if (endpoint.isEmpty()) {
            return SpanExporters.of(List.of());
        }
        log.info("Exporting traces over OTLP to {}", endpoint.get().tracesUrl());
        OtlpHttpSpanExporterBuilder builder = OtlpHttpSpanExporter.builder()
                .setEndpoint(endpoint.get().tracesUrl().toString());
        endpoint.get().headers().forEach(builder::addHeader);
        return SpanExporters.of(builder.build());
    }
}
