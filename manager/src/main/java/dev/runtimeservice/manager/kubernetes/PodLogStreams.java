package dev.runtimeservice.manager.kubernetes;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.http.HttpClient;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.HttpResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import org.jspecify.annotations.Nullable;

/**
 * Opens the followed log of a launch's container, through the client's own HTTP client (its address, credentials and
 * TLS). Not through fabric8's {@code watchLog}: that first starts an informer on the pod (a list and a watch) to wait
 * for it, which the manager's pod watch makes needless, and it hands an error's body over as if it were the log.
 */
final class PodLogStreams {

    private final String logs;
    private final HttpClient http;

    PodLogStreams(KubernetesClient client, String namespace) {
        String master = client.getMasterUrl().toString();
        this.logs = (master.endsWith("/") ? master : master + "/") + "api/v1/namespaces/" + namespace + "/pods/";
        // The request as fabric8's own watchLog sends it (8.0): the client's HTTP client, the body read as a stream.
        this.http = client.getHttpClient();
    }

    /**
     * The container's log from {@code since} (from its start if null), followed until the container ends; empty if
     * the API server refuses it (the container has not started, the pod is gone) or cannot be reached.
     */
    Optional<InputStream> follow(String pod, @Nullable Instant since) throws InterruptedException {
        String query = "?follow=true&container=agent"
                + (since == null ? "" : "&sinceTime=" + URLEncoder.encode(since.toString(), StandardCharsets.UTF_8));
        HttpRequest request = http.newHttpRequestBuilder()
                .uri(URI.create(logs + pod + "/log" + query))
                .build();
        try {
            HttpResponse<InputStream> response =
                    http.sendAsync(request, InputStream.class).get();
            if (response.isSuccessful()) {
                return Optional.of(response.body());
            }
            response.body().close();
            return Optional.empty();
        } catch (ExecutionException | IOException e) {
            return Optional.empty();
        }
    }
}
