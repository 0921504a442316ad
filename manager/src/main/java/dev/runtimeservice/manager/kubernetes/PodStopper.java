package dev.runtimeservice.manager.kubernetes;

import dev.runtimeservice.manager.process.ShutdownRequest;
import dev.runtimeservice.manager.process.StopOutcome;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Stops a launch's pod the way a local agent is stopped: its shutdown endpoint first, then the pod is deleted with a
 * grace period of AGENT_SHUTDOWN_TIMEOUT, within which the kubelet sends SIGTERM and only then kills it. The Service
 * and the Secret go at once, so no resources file outlives its launch.
 */
final class PodStopper {

    /** Beyond the grace period, how long the manager waits to see the pod gone. */
    private static final Duration DELETE_WAIT = Duration.ofSeconds(5);

    private final KubernetesClient client;
    private final String namespace;
    private final ShutdownRequest shutdown;

    PodStopper(KubernetesClient client, String namespace, ShutdownRequest shutdown) {
        this.client = client;
        this.namespace = namespace;
        this.shutdown = shutdown;
    }

    StopOutcome stop(PodProcess process, @Nullable URI shutdownUrl, String token, Duration timeout) {
        if (!process.isAlive()) {
            deleteAll(process.names(), 0);
            return StopOutcome.ALREADY_EXITED;
        }
        boolean asked = shutdownUrl != null && shutdown.send(shutdownUrl, token);
        process.deleting();
        deleteAll(process.names(), timeout.toSeconds());
        // The pods' watch reports the deletion once the kubelet has ended the container, or killed it at the end of
        // the grace period.
        boolean gone = process.awaitDeleted(timeout.plus(DELETE_WAIT));
        process.end(null, null);
        if (!gone) {
            return StopOutcome.SIGKILL;
        }
        return asked ? StopOutcome.SHUTDOWN_ENDPOINT : StopOutcome.SIGTERM;
    }

    /**
     * Deletes the launch's pod with {@code graceSeconds} to end, and its Secret at once; its Service too, unless a
     * later launch of the agent has made the Service (named for the agent) its own already.
     */
    void deleteAll(AgentObjects names, long graceSeconds) {
        try {
            client.pods()
                    .inNamespace(namespace)
                    .withName(names.pod())
                    .withGracePeriod(graceSeconds)
                    .delete();
            client.secrets().inNamespace(namespace).withName(names.secret()).delete();
            Service service = client.services()
                    .inNamespace(namespace)
                    .withName(names.service())
                    .get();
            if (service != null
                    && AgentObjects.of(labels(service)).filter(names::equals).isPresent()) {
                client.services()
                        .inNamespace(namespace)
                        .withName(names.service())
                        .delete();
            }
        } catch (KubernetesClientException e) {
            // The owner references make Kubernetes delete the Secret and Service with the pod anyway.
        }
    }

    private static Map<String, String> labels(Service service) {
        Map<String, String> labels = service.getMetadata().getLabels();
        return labels == null ? Map.of() : labels;
    }

    /** Deletes an earlier launch's Service, left behind if that launch's pod is not garbage collected yet. */
    void removeService(AgentObjects names) {
        client.services().inNamespace(namespace).withName(names.service()).delete();
    }
}
