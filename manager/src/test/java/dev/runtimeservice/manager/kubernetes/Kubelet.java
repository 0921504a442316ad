package dev.runtimeservice.manager.kubernetes;

import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;

/**
 * Plays the kubelet (and the scheduler) for fabric8's mock API server ({@link MockCluster}), which only stores
 * objects: it writes the pod statuses a real node would report, and the pods' logs it would serve. No Kubernetes
 * cluster can be had on the machines these tests run on.
 */
final class Kubelet {

    private final KubernetesClient client;
    private final String namespace;

    Kubelet(KubernetesClient client, String namespace) {
        this.client = client;
        this.namespace = namespace;
    }

    /** The one pod of the agent that exists now. */
    Pod podOf(String agent) {
        return client.pods()
                .inNamespace(namespace)
                .withLabel(AgentObjects.AGENT_LABEL, agent)
                .list()
                .getItems()
                .get(0);
    }

    /** Schedules the pod on {@code node}, as the scheduler would. */
    private void place(String pod, String node) {
        client.pods()
                .inNamespace(namespace)
                .withName(pod)
                .edit(current -> new PodBuilder(current)
                        .editSpec()
                        .withNodeName(node)
                        .endSpec()
                        .build());
    }

    /** Places the pod on {@code node} and reports it Running and Ready, after {@code restarts} container restarts. */
    void ready(String pod, String node, int restarts) {
        place(pod, node);
        status(
                pod,
                "Running",
                new PodConditionBuilder().withType("Ready").withStatus("True").build(),
                new ContainerStatusBuilder()
                        .withName("agent")
                        .withReady(true)
                        .withRestartCount(restarts)
                        .withNewState()
                        .withNewRunning()
                        .endRunning()
                        .endState()
                        .build());
    }

    /** Reports a container that never ran waiting for {@code reason}: ImagePullBackOff, ErrImagePull. */
    void waiting(String pod, String reason, String message) {
        status(
                pod,
                "Pending",
                new PodConditionBuilder().withType("Ready").withStatus("False").build(),
                new ContainerStatusBuilder()
                        .withName("agent")
                        .withReady(false)
                        .withNewState()
                        .withNewWaiting()
                        .withReason(reason)
                        .withMessage(message)
                        .endWaiting()
                        .endState()
                        .build());
    }

    /**
     * Reports the container crash-looping: it ran and ended with exit code 1 {@code restarts} times, and waits in
     * CrashLoopBackOff before the next try.
     */
    void crashLooping(String pod, int restarts) {
        status(
                pod,
                "Running",
                new PodConditionBuilder().withType("Ready").withStatus("False").build(),
                new ContainerStatusBuilder()
                        .withName("agent")
                        .withReady(false)
                        .withRestartCount(restarts)
                        .withNewState()
                        .withNewWaiting()
                        .withReason("CrashLoopBackOff")
                        .withMessage("back-off 10s restarting failed container=agent pod=" + pod)
                        .endWaiting()
                        .endState()
                        .withNewLastState()
                        .withNewTerminated()
                        .withExitCode(1)
                        .withReason("Error")
                        .endTerminated()
                        .endLastState()
                        .build());
    }

    /** Reports the container running on {@code node} with its readiness probe not passing (yet). */
    void runningNotReady(String pod, String node) {
        place(pod, node);
        status(
                pod,
                "Running",
                new PodConditionBuilder()
                        .withType("Ready")
                        .withStatus("False")
                        .withReason("ContainersNotReady")
                        .withMessage("containers with unready status: [agent]")
                        .build(),
                new ContainerStatusBuilder()
                        .withName("agent")
                        .withReady(false)
                        .withNewState()
                        .withNewRunning()
                        .endRunning()
                        .endState()
                        .build());
    }

    /**
     * Reports the pod ended for good (phase Failed, as with {@code restartPolicy: Never}), its container terminated
     * with {@code exitCode} for {@code reason}: {@code Error}, {@code OOMKilled}.
     */
    void failed(String pod, int exitCode, String reason) {
        terminated(pod, null, null, exitCode, reason);
    }

    /**
     * Reports the pod evicted from its node, as the kubelet does under node pressure: phase Failed with the pod's own
     * reason {@code Evicted} and {@code message}, its container killed (137).
     */
    void evicted(String pod, String message) {
        terminated(pod, "Evicted", message, 137, "Error");
    }

    private void terminated(
            String pod,
            @org.jspecify.annotations.Nullable String podReason,
            @org.jspecify.annotations.Nullable String podMessage,
            int exitCode,
            String reason) {
        status(
                pod,
                "Failed",
                new PodConditionBuilder().withType("Ready").withStatus("False").build(),
                new ContainerStatusBuilder()
                        .withName("agent")
                        .withReady(false)
                        .withNewState()
                        .withNewTerminated()
                        .withExitCode(exitCode)
                        .withReason(reason)
                        .endTerminated()
                        .endState()
                        .build(),
                podReason,
                podMessage);
    }

    /** Reports that no node can take the pod, as the scheduler does. */
    void unschedulable(String pod, String message) {
        status(
                pod,
                "Pending",
                new PodConditionBuilder()
                        .withType("PodScheduled")
                        .withStatus("False")
                        .withReason("Unschedulable")
                        .withMessage(message)
                        .build(),
                null);
    }

    /** Serves {@code text} as the log of the launch's pod, as its node's kubelet would, from now on. */
    void log(String agent, String launchId, String text) {
        MockCluster.log(namespace, new AgentObjects(agent, launchId).pod(), text);
    }

    private void status(
            String pod,
            String phase,
            io.fabric8.kubernetes.api.model.PodCondition condition,
            io.fabric8.kubernetes.api.model.@org.jspecify.annotations.Nullable ContainerStatus container) {
        status(pod, phase, condition, container, null, null);
    }

    /** Writes the pod's whole status at once, as the kubelet does: the manager sees no half of it. */
    private void status(
            String pod,
            String phase,
            io.fabric8.kubernetes.api.model.PodCondition condition,
            io.fabric8.kubernetes.api.model.@org.jspecify.annotations.Nullable ContainerStatus container,
            @org.jspecify.annotations.Nullable String podReason,
            @org.jspecify.annotations.Nullable String podMessage) {
        client.pods().inNamespace(namespace).withName(pod).editStatus(current -> {
            PodBuilder builder = new PodBuilder(current)
                    .withNewStatus()
                    .withPhase(phase)
                    .withReason(podReason)
                    .withMessage(podMessage)
                    .withConditions(condition)
                    .endStatus();
            if (container != null) {
                builder.editStatus().withContainerStatuses(container).endStatus();
            }
            return builder.build();
        });
    }
}
