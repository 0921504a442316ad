package dev.runtimeservice.manager.kubernetes;

import dev.runtimeservice.manager.process.EndCause;
import dev.runtimeservice.manager.process.Readiness;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the manager's pods in the namespace (one informer: a list, then a watch the API server streams changes
 * on, which fabric8 re-opens when it breaks) and tells each launch's {@link PodProcess} what its pod shows as soon
 * as it changes: a pod that ended or went away ends its process, which the supervision handles as a crash of a
 * RUNNING agent. Nothing polls the API server.
 */
final class PodWatch implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PodWatch.class);

    private final KubernetesClient client;
    private final String namespace;
    /** Launches by pod name; one stays here until its pod is deleted or the manager lets go of it. */
    private final Map<String, PodProcess> watched = new ConcurrentHashMap<>();

    private final SharedIndexInformer<Pod> informer;
    private volatile boolean unreachable;

    PodWatch(KubernetesClient client, String namespace) {
        this.client = client;
        this.namespace = namespace;
        this.informer = client.pods()
                .inNamespace(namespace)
                .withLabels(AgentObjects.SELECTOR)
                .runnableInformer(0);
        informer.addEventHandler(new Events());
        // Retries for as long as the manager runs (fabric8 backs off between tries): a cluster that is down for a
        // while must not stop the manager from seeing its agents once it is back. Said once per outage.
        informer.exceptionHandler((started, failure) -> {
            if (!unreachable) {
                unreachable = true;
                log.warn("Cannot watch the agents' pods in namespace {}; retrying: {}", namespace, failure.toString());
            }
            return true;
        });
        informer.start();
    }

    /**
     * Starts telling {@code process} about its pod. The pod as the informer holds it now is taken in at once: an
     * event that came before the process was added is not lost. A pod the informer has not seen yet (just created,
     * or deleted a moment ago) is read once from the API server.
     */
    void add(PodProcess process) {
        watched.put(process.names().pod(), process);
        Pod cached =
                informer.getStore().getByKey(namespace + "/" + process.names().pod());
        Pod current = cached != null ? cached : read(process.names().pod());
        if (current == null) {
            process.gone();
            watched.remove(process.names().pod(), process);
        } else {
            process.observe(current);
        }
    }

    void remove(PodProcess process) {
        watched.remove(process.names().pod(), process);
    }

    /** The manager's pods that have not ended and are not being deleted, as the API server lists them now. */
    List<Pod> livePods() {
        return client.pods().inNamespace(namespace).withLabels(AgentObjects.SELECTOR).list().getItems().stream()
                .filter(pod -> pod.getMetadata().getDeletionTimestamp() == null && !PodStatuses.ended(pod))
                .toList();
    }

    private @Nullable Pod read(String pod) {
        return client.pods().inNamespace(namespace).withName(pod).get();
    }

    /**
     * Waits until the launch's pod is Ready; ends the launch at once when the pod is stuck (an image that cannot be
     * pulled, a crash loop, no node to run it) or gone. Woken by the watch at each change of the pod.
     */
    Readiness awaitReady(PodProcess process, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (System.nanoTime() < deadline) {
                long seen = process.changes();
                Optional<Readiness> decided = decide(process);
                if (decided.isPresent()) {
                    return decided.get();
                }
                process.awaitChange(seen, deadline);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return decide(process).orElse(new Readiness(Readiness.Outcome.TIMED_OUT, null));
    }

    private static Optional<Readiness> decide(PodProcess process) {
        if (!process.isAlive()) {
            return Optional.of(
                    new Readiness(Readiness.Outcome.EXITED, process.onExit().getNow(null)));
        }
        Pod pod = process.latest();
        Optional<EndCause> stuck = PodStatuses.startFailure(pod);
        if (stuck.isPresent()) {
            process.end(PodStatuses.exitCode(pod).orElse(null), stuck.get());
            return Optional.of(
                    new Readiness(Readiness.Outcome.EXITED, process.onExit().getNow(null)));
        }
        return PodStatuses.ready(pod) ? Optional.of(new Readiness(Readiness.Outcome.READY, null)) : Optional.empty();
    }

    @Override
    public void close() {
        informer.close();
    }

    /** Runs on the informer's own thread, one event at a time. */
    private final class Events implements ResourceEventHandler<Pod> {

        @Override
        public void onAdd(Pod pod) {
            changed(pod);
        }

        @Override
        public void onUpdate(Pod before, Pod pod) {
            changed(pod);
        }

        @Override
        public void onDelete(Pod pod, boolean finalStateUnknown) {
            PodProcess process = watched.remove(pod.getMetadata().getName());
            if (process != null) {
                process.gone();
            }
        }

        @Override
        public void onList(String resourceVersion, boolean initial) {
            if (unreachable) {
                unreachable = false;
                log.info("Watching the agents' pods in namespace {} again", namespace);
            }
        }

        private void changed(Pod pod) {
            PodProcess process = watched.get(pod.getMetadata().getName());
            if (process != null) {
                process.observe(pod);
            }
        }
    }
}
