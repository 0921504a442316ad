package dev.runtimeservice.common.telemetry;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Where spans go, read from the OpenTelemetry SDK's standard environment variables: {@code OTEL_EXPORTER_OTLP_ENDPOINT}
 * (a base URL, {@code /v1/traces} is added) or {@code OTEL_EXPORTER_OTLP_TRACES_ENDPOINT} (the full URL), their
 * {@code _HEADERS}, and {@code OTEL_SDK_DISABLED} / {@code OTEL_TRACES_EXPORTER=none}, which turn export off. Only
 * OTLP over HTTP with protobuf is spoken (port 4318 on a collector); asking for gRPC is refused, naming the variable.
 * The manager and every agent read them by these same rules.
 *
 * @param tracesUrl the URL spans are posted to
 * @param headers headers sent with each export (an API key, say); never logged
 */
public record OtlpEndpoint(URI tracesUrl, Map<String, String> headers) {

    static final String ENDPOINT = "OTEL_EXPORTER_OTLP_ENDPOINT";
    static final String TRACES_ENDPOINT = "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT";

    public OtlpEndpoint {
        headers = Map.copyOf(headers);
    }

    /**
     * The endpoint the environment names, or empty when export is off.
     *
     * @param env reads one variable; null when it is not set
     * @throws IllegalArgumentException naming the variable, for a value that cannot be used
     */
    public static Optional<OtlpEndpoint> from(Function<String, @Nullable String> env) {
        if ("true".equalsIgnoreCase(trimmed(env, "OTEL_SDK_DISABLED"))
                || "none".equalsIgnoreCase(trimmed(env, "OTEL_TRACES_EXPORTER"))) {
            return Optional.empty();
        }
        String traces = trimmed(env, TRACES_ENDPOINT);
        String base = trimmed(env, ENDPOINT);
        if (traces == null && base == null) {
            return Optional.empty();
        }
        checkProtocol(env, "OTEL_EXPORTER_OTLP_TRACES_PROTOCOL");
        checkProtocol(env, "OTEL_EXPORTER_OTLP_PROTOCOL");
        URI url;
        if (traces != null) {
            url = url(TRACES_ENDPOINT, traces);
        } else {
            String given = String.valueOf(base);
            url(ENDPOINT, given); // checked as given, so that a bad value is named as the user wrote it
            url = URI.create(given.replaceAll("/+$", "") + "/v1/traces");
        }
        Map<String, String> headers = new LinkedHashMap<>(headers(env, "OTEL_EXPORTER_OTLP_HEADERS"));
        headers.putAll(headers(env, "OTEL_EXPORTER_OTLP_TRACES_HEADERS"));
        return Optional.of(new OtlpEndpoint(url, headers));
    }

    private static URI url(String variable, String value) {
        URI url;
        try {
            url = URI.create(value);
        } catch (IllegalArgumentException e) {
            throw invalid(variable, value);
        }
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || url.getHost() == null) {
            throw invalid(variable, value);
        }
        return url;
    }

    private static IllegalArgumentException invalid(String variable, String value) {
        return new IllegalArgumentException(variable + "=" + value + " is not an http:// or https:// URL; give the "
                + "collector's OTLP/HTTP address, such as http://localhost:4318");
    }

    private static void checkProtocol(Function<String, @Nullable String> env, String variable) {
        String protocol = trimmed(env, variable);
        if (protocol != null && !protocol.equals("http/protobuf")) {
            throw new IllegalArgumentException(variable + "=" + protocol + " is not supported: traces are exported "
                    + "over OTLP/HTTP with protobuf only; set it to http/protobuf (or unset it) and point the endpoint "
                    + "at the collector's HTTP port (4318)");
        }
    }

    private static Map<String, String> headers(Function<String, @Nullable String> env, String variable) {
        String value = trimmed(env, variable);
        Map<String, String> headers = new LinkedHashMap<>();
        if (value == null) {
            return headers;
        }
        for (String pair : value.split(",")) {
            int equals = pair.indexOf('=');
            if (equals <= 0) {
                // The value may hold a secret: name the variable only.
                throw new IllegalArgumentException(
                        variable + " must be a comma-separated list of name=value pairs, such as api-key=abc");
            }
            headers.put(
                    pair.substring(0, equals).trim(),
                    URLDecoder.decode(pair.substring(equals + 1).trim(), StandardCharsets.UTF_8));
        }
        return headers;
    }

    private static @Nullable String trimmed(Function<String, @Nullable String> env, String variable) {
        String value = env.apply(variable);
        return value == null || value.isBlank() ? null : value.trim();
    }
}
