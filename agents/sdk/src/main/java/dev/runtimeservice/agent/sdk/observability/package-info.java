/**
 * Traces and metrics of every agent: OTLP export when {@code OTEL_EXPORTER_OTLP_ENDPOINT} is set, and the instrumented
 * HTTP client that carries the W3C {@code traceparent} on the calls an agent makes.
 */
@NullMarked
package dev.runtimeservice.agent.sdk.observability;

import org.jspecify.annotations.NullMarked;
