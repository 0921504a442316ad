package dev.runtimeservice.manager.kubernetes;

import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;

/**
 * Plays the kubelet (and the scheduler) for fabric8's mock API server, which only stores objects: it writes the pod
 * statuses a real node would report, and serves a pod's log. No Kubernetes cluster can be had on the machines these
 * tests run on.
 */
final class Kubelet {

    private final KubernetesClient client;
    private final KubernetesMockServer server;
    private final String namespace;

    Kubelet(KubernetesClient client, KubernetesMockServer server, String namespace) {
        this.client = client;
        this.server = server;
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

    /** Places the pod on {@code node} and reports it Running and Ready, after {@code restarts} container restarts. */
    void ready(String pod, String node, int restarts) {
        client.pods()
                .inNamespace(namespace)
                .withName(pod)
                .edit(current -> new PodBuilder(current)
                        .editSpec()
                        .withNodeName(node)
                        .endSpec()
                        .build());
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

    /** Reports the container waiting for {@code reason}: ImagePullBackOff, CrashLoopBackOff. */
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

    /**
     * Serves {@code text} as the log of the launch's pod, once, to the request that follows it from the start. Set it
     * before the launch: the mock server would answer an unexpected log request with a list of objects.
     */
    void log(String agent, String launchId, String text) {
        String pod = new AgentObjects(agent, launchId).pod();
        server.expect()
                .get()
                .withPath("/api/v1/namespaces/" + namespace + "/pods/" + pod + "/log?pretty=false&follow=true")
                .andReturn(200, text)
                .once();
    }

    private void status(
            String pod,
            String phase,
            io.fabric8.kubernetes.api.model.PodCondition condition,
            io.fabric8.kubernetes.api.model.@org.jspecify.annotations.Nullable ContainerStatus container) {
        client.pods().inNamespace(namespace).withName(pod).editStatus(current -> {
            PodBuilder builder = new PodBuilder(current)
                    .withNewStatus()
                    .withPhase(phase)
                    .withConditions(condition)
                    .endStatus();
            if (container != null) {
                builder.editStatus().withContainerStatuses(container).endStatus();
            }
            return builder.build();
        });
    }
}
