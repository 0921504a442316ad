/**
 * The manager's traces leaving the process: OTLP export, on only when {@code OTEL_EXPORTER_OTLP_ENDPOINT} is set, and
 * the W3C {@code traceparent} header on the manager's calls to agents.
 */
@NullMarked
package dev.runtimeservice.manager.telemetry;

import org.jspecify.annotations.NullMarked;
