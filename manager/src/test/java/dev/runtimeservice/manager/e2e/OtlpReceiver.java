package dev.runtimeservice.manager.e2e;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An OpenTelemetry collector's OTLP/HTTP trace endpoint ({@code POST /v1/traces}, protobuf) in the test's JVM, on a
 * free loopback port: it decodes each export request, keeps every span with the {@code service.name} of its resource,
 * and answers 200 with an empty {@code ExportTraceServiceResponse}, as a collector does. The decoder reads the few
 * fields of {@code opentelemetry/proto/trace/v1/trace.proto} it needs from the protobuf wire format and skips the
 * rest, so the test needs no generated classes.
 */
final class OtlpReceiver implements AutoCloseable {

    /** One span as received. */
    record ReceivedSpan(String service, String traceId, String spanId, String parentSpanId, String name) {}

    final List<ReceivedSpan> spans = new CopyOnWriteArrayList<>();
    private final HttpServer server;

    OtlpReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v1/traces", this::receive);
        server.start();
    }

    /** The value for {@code OTEL_EXPORTER_OTLP_ENDPOINT}. */
    String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    List<ReceivedSpan> trace(String traceId) {
        return spans.stream().filter(span -> span.traceId().equals(traceId)).toList();
    }

    private void receive(HttpExchange exchange) throws IOException {
        try (InputStream body = exchange.getRequestBody()) {
            ByteBuffer request = ByteBuffer.wrap(body.readAllBytes());
            while (request.hasRemaining()) {
                Field field = Field.next(request);
                if (field.number() == 1) {
                    resourceSpans(field.bytes());
                }
            }
        }
        exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
        exchange.sendResponseHeaders(200, -1);
        exchange.close();
    }

    private void resourceSpans(ByteBuffer message) {
        String service = "";
        List<ByteBuffer> scopes = new java.util.ArrayList<>();
        while (message.hasRemaining()) {
            Field field = Field.next(message);
            if (field.number() == 1) {
                service = serviceName(field.bytes(), service);
            } else if (field.number() == 2) {
                scopes.add(field.bytes());
            }
        }
        for (ByteBuffer scope : scopes) {
            while (scope.hasRemaining()) {
                Field field = Field.next(scope);
                if (field.number() == 2) {
                    spans.add(span(service, field.bytes()));
                }
            }
        }
    }

    /** Resource.attributes (1) are KeyValue {key 1, value 2: AnyValue {string_value 1}}. */
    private static String serviceName(ByteBuffer resource, String otherwise) {
        String name = otherwise;
        while (resource.hasRemaining()) {
            Field attribute = Field.next(resource);
            if (attribute.number() != 1) {
                continue;
            }
            ByteBuffer keyValue = attribute.bytes();
            String key = "";
            String value = "";
            while (keyValue.hasRemaining()) {
                Field part = Field.next(keyValue);
                if (part.number() == 1) {
                    key = part.text();
                } else if (part.number() == 2) {
                    ByteBuffer any = part.bytes();
                    while (any.hasRemaining()) {
                        Field anyPart = Field.next(any);
                        if (anyPart.number() == 1) {
                            value = anyPart.text();
                        }
                    }
                }
            }
            if (key.equals("service.name")) {
                name = value;
            }
        }
        return name;
    }

    /** Span: trace_id 1, span_id 2, parent_span_id 4, name 5. */
    private static ReceivedSpan span(String service, ByteBuffer span) {
        String traceId = "";
        String spanId = "";
        String parent = "";
        String name = "";
        while (span.hasRemaining()) {
            Field field = Field.next(span);
            switch (field.number()) {
                case 1 -> traceId = field.hex();
                case 2 -> spanId = field.hex();
                case 4 -> parent = field.hex();
                case 5 -> name = field.text();
                default -> {
                    // other fields: kind, times, attributes, events, links, status
                }
            }
        }
        return new ReceivedSpan(service, traceId, spanId, parent, name);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /** One protobuf field: its number and, for a length-delimited one, its bytes (other wire types are skipped). */
    private record Field(int number, ByteBuffer value) {

        static Field next(ByteBuffer buffer) {
            long tag = varint(buffer);
            int number = (int) (tag >>> 3);
            int wireType = (int) (tag & 7);
            switch (wireType) {
                case 0 -> varint(buffer);
                case 1 -> buffer.position(buffer.position() + 8);
                case 5 -> buffer.position(buffer.position() + 4);
                case 2 -> {
                    int length = (int) varint(buffer);
                    ByteBuffer value = buffer.slice(buffer.position(), length);
                    buffer.position(buffer.position() + length);
                    return new Field(number, value);
                }
                default -> throw new IllegalStateException("Unexpected protobuf wire type " + wireType);
            }
            return new Field(number, ByteBuffer.allocate(0));
        }

        private static long varint(ByteBuffer buffer) {
            long value = 0;
            for (int shift = 0; ; shift += 7) {
                byte b = buffer.get();
                value |= (long) (b & 0x7f) << shift;
                if (b >= 0) {
                    return value;
                }
            }
        }

        ByteBuffer bytes() {
            return value.duplicate();
        }

        String text() {
            byte[] bytes = new byte[value.remaining()];
            value.duplicate().get(bytes);
            return new String(bytes, StandardCharsets.UTF_8);
        }

        String hex() {
            byte[] bytes = new byte[value.remaining()];
            value.duplicate().get(bytes);
            return HexFormat.of().formatHex(bytes);
        }
    }
}
