package dev.runtimeservice.manager.kubernetes;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import tools.jackson.databind.JsonNode;

/**
 * The part of a Kubernetes API server that {@code kubectl apply --dry-run=client} talks to, on loopback: the version
 * and discovery documents of {@code kubectl/discovery.json} (which API groups and versions exist, and in each the
 * resources, their kinds and whether they are namespaced: the subset of what an API server of Kubernetes 1.32 lists
 * that the checked objects use), and 404 Not Found for everything else, which to kubectl means that no object of that
 * name exists yet. It stores nothing: a client dry run never writes. It stands in for an API server because none can
 * be had where the tests run.
 */
final class DiscoveryServer implements AutoCloseable {

    private final Map<String, byte[]> documents;
    private final Queue<String> requests = new ConcurrentLinkedQueue<>();
    private final HttpServer server;

    DiscoveryServer() throws IOException {
        this.documents = documents();
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::answer);
        server.start();
    }

    private static Map<String, byte[]> documents() throws IOException {
        try (InputStream in = Objects.requireNonNull(
                DiscoveryServer.class.getResourceAsStream("/kubectl/discovery.json"), "kubectl/discovery.json")) {
            JsonNode all = Serialization.jsonMapper().readTree(in);
            Map<String, byte[]> documents = new TreeMap<>();
            all.properties()
                    .forEach(document -> documents.put(
                            document.getKey(), document.getValue().toString().getBytes(StandardCharsets.UTF_8)));
            return documents;
        }
    }

    private void answer(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        requests.add(exchange.getRequestMethod() + " " + path);
        byte[] document = "GET".equals(exchange.getRequestMethod()) ? documents.get(path) : null;
        byte[] body = document != null ? document : notFound(path);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(document != null ? 200 : 404, body.length);
        try (var out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static byte[] notFound(String path) {
        return ("{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"reason\":\"NotFound\","
                        + "\"code\":404,\"message\":\"" + path.replace("\"", "") + " not found\"}")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** Its address, as a kubeconfig's {@code server:} takes it. */
    String url() {
        return "http://" + server.getAddress().getHostString() + ":"
                + server.getAddress().getPort();
    }

    /** "METHOD path" of each request so far. */
    List<String> requests() {
        return List.copyOf(requests);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
