package dev.runtimeservice.manager.kubernetes;

import dev.runtimeservice.manager.process.StopOutcome;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Stops a launch's pod the way a local agent is stopped: its shutdown endpoint first, then the pod is deleted with a
 * grace period of AGENT_SHUTDOWN_TIMEOUT, within which the kubelet sends SIGTERM and only then kills it. The Service
 * and the Secret go at once, so no resources file outlives its launch.
 */
final class PodStopper {

    /** Beyond the grace period, how long the manager waits to see the pod gone. */
    private static final Duration DELETE_WAIT = Duration.ofSeconds(5);

    private static final String TOKEN_HEADER = "X-Agent-Token";

    private final KubernetesClient client;
    private final String namespace;
    private final Duration poll;
    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(1))
            .version(HttpClient.Version.HTTP_1_1)
            .build();

    PodStopper(KubernetesClient client, String namespace, Duration poll) {
        this.client = client;
        this.namespace = namespace;
        this.poll = poll;
    }

    StopOutcome stop(PodProcess process, @Nullable URI shutdownUrl, String token, Duration timeout) {
        if (!process.isAlive()) {
            deleteAll(process.names(), 0);
            return StopOutcome.ALREADY_EXITED;
        }
        boolean asked = shutdownUrl != null && requestShutdown(shutdownUrl, token);
        deleteAll(process.names(), timeout.toSeconds());
        boolean gone = awaitGone(process, timeout.plus(DELETE_WAIT));
        process.end(null, null);
        if (!gone) {
            return StopOutcome.SIGKILL;
        }
        return asked ? StopOutcome.SHUTDOWN_ENDPOINT : StopOutcome.SIGTERM;
    }

    /** Deletes the launch's pod with {@code graceSeconds} to end, and its Secret and Service at once. */
    void deleteAll(AgentObjects names, long graceSeconds) {
        try {
            client.pods()
                    .inNamespace(namespace)
                    .withName(names.pod())
                    .withGracePeriod(graceSeconds)
                    .delete();
            client.secrets().inNamespace(namespace).withName(names.secret()).delete();
            client.services().inNamespace(namespace).withName(names.service()).delete();
        } catch (KubernetesClientException e) {
            // The owner references make Kubernetes delete the Secret and Service with the pod anyway.
        }
    }

    /** Deletes an earlier launch's Service, left behind if that launch's pod is not garbage collected yet. */
    void removeService(AgentObjects names) {
        client.services().inNamespace(namespace).withName(names.service()).delete();
    }

    /** The launch's token, from its Secret; empty if the Secret is gone. */
    Optional<String> token(AgentObjects names) {
        Secret secret =
                client.secrets().inNamespace(namespace).withName(names.secret()).get();
        return Optional.ofNullable(secret)
                .map(Secret::getData)
                .map(data -> data.get(PodSpecs.TOKEN_KEY))
                .map(value -> new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8));
    }

    private boolean awaitGone(PodProcess process, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (System.nanoTime() < deadline) {
                if (client.pods()
                                .inNamespace(namespace)
                                .withName(process.names().pod())
                                .get()
                        == null) {
                    return true;
                }
                Thread.sleep(Math.min(poll.toMillis(), 250));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return false;
    }

    private boolean requestShutdown(URI shutdownUrl, String token) {
        HttpRequest request = HttpRequest.newBuilder(shutdownUrl)
                .timeout(Duration.ofSeconds(2))
                .header(TOKEN_HEADER, token)
                .GET()
                .build();
        try {
            int status =
                    http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            return status >= 200 && status < 300;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
