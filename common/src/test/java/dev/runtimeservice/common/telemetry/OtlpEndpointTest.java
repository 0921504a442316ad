package dev.runtimeservice.common.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which OTLP endpoint the standard OpenTelemetry variables name, and when export is off. */
class OtlpEndpointTest {

    @Test
    void exportIsOffWhenNoEndpointIsSet() {
        assertThat(OtlpEndpoint.from(Map.<String, String>of()::get)).isEmpty();
        assertThat(OtlpEndpoint.from(Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", " ")::get))
                .isEmpty();
    }

    @Test
    void theBaseEndpointGetsTheTracesPathAndTheTracesEndpointIsTakenAsItIs() {
        assertThat(OtlpEndpoint.from(Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4318/")::get)
                        .orElseThrow()
                        .tracesUrl())
                .hasToString("http://collector:4318/v1/traces");
        assertThat(OtlpEndpoint.from(Map.of(
                                "OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4318",
                                "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "https://traces.example/otlp")::get)
                        .orElseThrow()
                        .tracesUrl())
                .hasToString("https://traces.example/otlp");
    }

    @Test
    void headersAreReadAndTheSdkSwitchesTurnExportOff() {
        assertThat(OtlpEndpoint.from(Map.of(
                                "OTEL_EXPORTER_OTLP_ENDPOINT", "http://c:4318",
                                "OTEL_EXPORTER_OTLP_HEADERS", "api-key=a%3Db, tenant=t1")::get)
                        .orElseThrow()
                        .headers())
                .containsExactlyInAnyOrderEntriesOf(Map.of("api-key", "a=b", "tenant", "t1"));
        assertThat(OtlpEndpoint.from(
                        Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "http://c:4318", "OTEL_SDK_DISABLED", "true")::get))
                .isEmpty();
        assertThat(OtlpEndpoint.from(
                        Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "http://c:4318", "OTEL_TRACES_EXPORTER", "none")::get))
                .isEmpty();
    }

    @Test
    void aValueThatCannotBeUsedIsRefusedNamingItsVariableButNeverAHeadersValue() {
        assertThatThrownBy(() -> OtlpEndpoint.from(Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "collector:4318")::get))
                .hasMessageContaining("OTEL_EXPORTER_OTLP_ENDPOINT=collector:4318 is not an http:// or https:// URL");
        assertThatThrownBy(() -> OtlpEndpoint.from(Map.of(
                        "OTEL_EXPORTER_OTLP_ENDPOINT", "http://c:4317", "OTEL_EXPORTER_OTLP_PROTOCOL", "grpc")::get))
                .hasMessageContaining("OTEL_EXPORTER_OTLP_PROTOCOL=grpc is not supported")
                .hasMessageContaining("4318");
        assertThatThrownBy(() -> OtlpEndpoint.from(Map.of(
                        "OTEL_EXPORTER_OTLP_ENDPOINT", "http://c:4318", "OTEL_EXPORTER_OTLP_HEADERS", "secret")::get))
                .hasMessageContaining("OTEL_EXPORTER_OTLP_HEADERS must be")
                .hasMessageNotContaining("secret");
    }
}
