package dev.runtimeservice.manager.telemetry;

import dev.runtimeservice.common.telemetry.OtlpEndpoint;
import dev.runtimeservice.manager.config.InvalidSettingException;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporterBuilder;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.SpanExporters;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Exports the manager's spans over OTLP when {@code OTEL_EXPORTER_OTLP_ENDPOINT} is set, and nowhere otherwise. Decided
 * here, when the manager starts, and not by a bean condition, which Spring AOT (bin/runtime-manager) would fix at build
 * time. Spans are made either way, so trace ids are in the log lines even with export off.
 */
@Configuration(proxyBeanMethods = false)
public class OtlpExport {

    private static final Logger log = LoggerFactory.getLogger(OtlpExport.class);

    @Bean
    SpanExporters spanExporters(Environment environment) {
        Optional<OtlpEndpoint> endpoint;
        try {
            endpoint = OtlpEndpoint.from(environment::getProperty);
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingException(String.valueOf(e.getMessage()));
        }
        if (endpoint.isEmpty()) {
            log.info("Traces are not exported: OTEL_EXPORTER_OTLP_ENDPOINT is not set (trace ids are still logged)");
            return SpanExporters.of(List.of());
        }
        log.info("Exporting traces over OTLP to {}", endpoint.get().tracesUrl());
        OtlpHttpSpanExporterBuilder builder = OtlpHttpSpanExporter.builder()
                .setEndpoint(endpoint.get().tracesUrl().toString());
        endpoint.get().headers().forEach(builder::addHeader);
        return SpanExporters.of(builder.build());
    }
}
