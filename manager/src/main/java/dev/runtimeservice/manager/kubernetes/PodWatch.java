package dev.runtimeservice.manager.kubernetes;

import dev.runtimeservice.manager.process.Readiness;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the manager's pods every poll interval, with one list request for all of them, and tells each launch's
 * {@link PodProcess} what its pod shows: a pod that ended or went away ends its process, which the supervision
 * handles as a crash of a RUNNING agent.
 */
final class PodWatch implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PodWatch.class);

    private final KubernetesClient client;
    private final String namespace;
    private final Duration poll;
    private final Map<String, PodProcess> watched = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "pod-watch");
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean unreachable;

    PodWatch(KubernetesClient client, String namespace, Duration poll) {
        this.client = client;
        this.namespace = namespace;
        this.poll = poll;
        timer.scheduleWithFixedDelay(this::refresh, poll.toMillis(), poll.toMillis(), TimeUnit.MILLISECONDS);
    }

    void add(PodProcess process) {
        watched.put(process.names().pod(), process);
    }

    void remove(PodProcess process) {
        watched.remove(process.names().pod(), process);
    }

    /** The manager's pods that have not ended and are not being deleted. */
    List<Pod> livePods() {
        return pods().stream()
                .filter(pod -> pod.getMetadata().getDeletionTimestamp() == null && !PodStatuses.ended(pod))
                .toList();
    }

    private List<Pod> pods() {
        return client.pods()
                .inNamespace(namespace)
                .withLabels(AgentObjects.SELECTOR)
                .list()
                .getItems();
    }

    /**
     * Waits until the launch's pod is Ready; ends the launch at once when the pod is stuck (an image that cannot be
     * pulled, a crash loop, no node to run it) or gone.
     */
    Readiness awaitReady(PodProcess process, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (System.nanoTime() < deadline) {
                Optional<Pod> pod = Optional.ofNullable(client.pods()
                        .inNamespace(namespace)
                        .withName(process.names().pod())
                        .get());
                pod.ifPresentOrElse(process::observe, process::gone);
                if (!process.isAlive()) {
                    return new Readiness(
                            Readiness.Outcome.EXITED, process.onExit().getNow(null));
                }
                Optional<String> stuck = PodStatuses.startFailure(pod.orElseThrow());
                if (stuck.isPresent()) {
                    process.end(PodStatuses.exitCode(pod.get()).orElse(null), stuck.get());
                    return new Readiness(
                            Readiness.Outcome.EXITED, process.onExit().getNow(null));
                }
                if (PodStatuses.ready(pod.get())) {
                    return new Readiness(Readiness.Outcome.READY, null);
                }
                Thread.sleep(Math.min(poll.toMillis(), 250));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return new Readiness(Readiness.Outcome.TIMED_OUT, null);
    }

    private void refresh() {
        if (watched.isEmpty()) {
            return;
        }
        try {
            Map<String, Pod> byName = pods().stream()
                    .collect(Collectors.toMap(pod -> pod.getMetadata().getName(), Function.identity()));
            unreachable = false;
            watched.values().forEach(process -> {
                Pod pod = byName.get(process.names().pod());
                if (pod == null) {
                    process.gone();
                } else {
                    process.observe(pod);
                }
                if (!process.isAlive()) {
                    remove(process);
                }
            });
        } catch (KubernetesClientException e) {
            if (!unreachable) {
                unreachable = true;
                log.warn("Cannot read the agents' pods in namespace {}; retrying: {}", namespace, e.getMessage());
            }
        } catch (RuntimeException e) {
            log.warn("Reading the agents' pods failed; retrying", e);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
