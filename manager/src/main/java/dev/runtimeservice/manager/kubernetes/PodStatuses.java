package dev.runtimeservice.manager.kubernetes;

import dev.runtimeservice.manager.limits.Sizes;
import dev.runtimeservice.manager.process.EndCause;
import io.fabric8.kubernetes.api.model.ContainerState;
import io.fabric8.kubernetes.api.model.ContainerStateTerminated;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** What a pod's status says about its agent: ready, ended, or stuck for a reason that waiting will not cure. */
final class PodStatuses {

    /** Waiting reasons of a container that will not start by itself. */
    private static final Set<String> STUCK = Set.of(
            "ImagePullBackOff",
            "ErrImagePull",
            "InvalidImageName",
            "CrashLoopBackOff",
            "CreateContainerConfigError",
            "CreateContainerError",
            "RunContainerError");

    private PodStatuses() {}

    static boolean ready(Pod pod) {
        return conditions(pod).stream()
                .anyMatch(condition -> "Ready".equals(condition.getType()) && "True".equals(condition.getStatus()));
    }

    /** Whether the pod has ended for good (phase Succeeded or Failed); it is never restarted after that. */
    static boolean ended(Pod pod) {
        String phase = status(pod).getPhase();
        return "Succeeded".equals(phase) || "Failed".equals(phase);
    }

    /**
     * Why a starting pod will not become ready without help, with Kubernetes' own reason first: {@code
     * ImagePullBackOff: Back-off pulling image "vfs:0.1.0"}, {@code unschedulable: 0/3 nodes are available...},
     * {@code CrashLoopBackOff: back-off 10s restarting failed container=agent pod=...; last run: Error}; or how it
     * ended, if it did ({@link #end}).
     */
    static Optional<EndCause> startFailure(Pod pod) {
        for (PodCondition condition : conditions(pod)) {
            if ("PodScheduled".equals(condition.getType())
                    && "False".equals(condition.getStatus())
                    && "Unschedulable".equals(condition.getReason())) {
                return Optional.of(notStarted("unschedulable: " + text(condition.getMessage())));
            }
        }
        Optional<ContainerStatus> container = container(pod);
        ContainerState state = container.map(ContainerStatus::getState).orElse(null);
        if (state != null
                && state.getWaiting() != null
                && STUCK.contains(state.getWaiting().getReason())) {
            String lastRun = container
                    .map(ContainerStatus::getLastState)
                    .map(ContainerState::getTerminated)
                    .map(ContainerStateTerminated::getReason)
                    .map(reason -> "; last run: " + reason)
                    .orElse("");
            return Optional.of(notStarted(state.getWaiting().getReason() + ": "
                    + text(state.getWaiting().getMessage()) + lastRun));
        }
        return ended(pod) ? Optional.of(end(pod)) : Optional.empty();
    }

    /**
     * How a pod that ended for good ended, told apart as a local agent's end is: its container OOMKilled ({@code out
     * of memory in its pod agent-vfs-1a2b3c4d (OOMKilled, limit 256Mi)}), the pod ended by Kubernetes for a reason of
     * its own, such as an eviction ({@code its pod agent-vfs-1a2b3c4d ended (phase Failed, Evicted: The node was low
     * on resource: memory.)}), or its container exited ({@code its pod agent-vfs-1a2b3c4d ended (phase Failed,
     * container Error)}).
     */
    static EndCause end(Pod pod) {
        String name = "its pod " + pod.getMetadata().getName();
        Optional<ContainerStateTerminated> terminated = terminated(pod);
        String reason = terminated.map(ContainerStateTerminated::getReason).orElse(null);
        if ("OOMKilled".equals(reason)) {
            return EndCause.outOfMemory("out of memory in " + name + " (OOMKilled"
                    + memoryLimit(pod).map(limit -> ", limit " + limit).orElse("") + ")");
        }
        String phase = "phase " + status(pod).getPhase();
        if (status(pod).getReason() != null) {
            return new EndCause(
                    EndCause.Kind.REMOVED_BY_HOST,
                    name + " ended (" + phase + ", " + status(pod).getReason()
                            + Optional.ofNullable(status(pod).getMessage())
                                    .map(message -> ": " + message)
                                    .orElse("") + ")");
        }
        return new EndCause(
                EndCause.Kind.EXITED,
                name + " ended (" + phase
                        + Optional.ofNullable(reason)
                                .map(container -> ", container " + container)
                                .orElse("") + ")");
    }

    private static EndCause notStarted(String text) {
        return new EndCause(EndCause.Kind.NOT_STARTED, text);
    }

    /** The memory limit of the agent's container as agent.yml writes it ({@code 256Mi}), if it has one. */
    private static Optional<String> memoryLimit(Pod pod) {
        return Optional.ofNullable(pod.getSpec())
                .map(PodSpec::getContainers)
                .filter(containers -> !containers.isEmpty())
                .map(containers -> containers.get(0).getResources())
                .map(ResourceRequirements::getLimits)
                .map(limits -> limits.get("memory"))
                .map(limit -> Sizes.text(Quantity.getAmountInBytes(limit).longValue()));
    }

    /**
     * What the status of a pod that is not Ready shows, for the error of a start that timed out: {@code phase
     * Pending; not scheduled (Unschedulable: ...)}, {@code phase Pending; container waiting: ContainerCreating},
     * {@code phase Running; container running, not ready (ContainersNotReady: containers with unready status:
     * [agent])}.
     */
    static String notReady(Pod pod) {
        List<String> facts = new ArrayList<>();
        facts.add("phase " + Optional.ofNullable(status(pod).getPhase()).orElse("unknown"));
        condition(pod, "PodScheduled")
                .filter(scheduled -> "False".equals(scheduled.getStatus()))
                .ifPresent(scheduled -> facts.add("not scheduled" + reason(scheduled)));
        Optional<ContainerStatus> container = container(pod);
        ContainerState state = container.map(ContainerStatus::getState).orElse(null);
        if (state != null && state.getWaiting() != null) {
            facts.add("container waiting: " + state.getWaiting().getReason()
                    + Optional.ofNullable(state.getWaiting().getMessage())
                            .map(text -> ": " + text)
                            .orElse(""));
        } else if (state != null && state.getRunning() != null) {
            facts.add("container running, not ready"
                    + condition(pod, "Ready").map(PodStatuses::reason).orElse(""));
        } else if (container.isEmpty()) {
            facts.add("no container started yet");
        }
        if (restarts(pod) > 0) {
            facts.add(restarts(pod) + " container restarts");
        }
        return String.join("; ", facts);
    }

    private static Optional<PodCondition> condition(Pod pod, String type) {
        return conditions(pod).stream()
                .filter(condition -> type.equals(condition.getType()))
                .findFirst();
    }

    /** " (Reason: message)" of a condition, or nothing when it gives no reason. */
    private static String reason(PodCondition condition) {
        if (condition.getReason() == null) {
            return "";
        }
        return " (" + condition.getReason()
                + Optional.ofNullable(condition.getMessage())
                        .map(text -> ": " + text)
                        .orElse("") + ")";
    }

    /** The exit code of the agent's container once it terminated, the last one if it was restarted. */
    static Optional<Integer> exitCode(Pod pod) {
        return terminated(pod).map(ContainerStateTerminated::getExitCode);
    }

    /** How the agent's container terminated, the last time if it was restarted. */
    private static Optional<ContainerStateTerminated> terminated(Pod pod) {
        Optional<ContainerStatus> container = container(pod);
        return container
                .map(ContainerStatus::getState)
                .map(ContainerState::getTerminated)
                .or(() -> container.map(ContainerStatus::getLastState).map(ContainerState::getTerminated));
    }

    /** Whether the agent's container has run (it runs, ran, or ran before a restart), so that it has a log. */
    static boolean containerRan(Pod pod) {
        Optional<ContainerStatus> container = container(pod);
        if (container.isEmpty()) {
            return false;
        }
        ContainerState state = container.get().getState();
        ContainerState last = container.get().getLastState();
        return (state != null && (state.getRunning() != null || state.getTerminated() != null))
                || (last != null && last.getTerminated() != null)
                || restarts(pod) > 0;
    }

    static int restarts(Pod pod) {
        return container(pod).map(ContainerStatus::getRestartCount).orElse(0);
    }

    private static Optional<ContainerStatus> container(Pod pod) {
        List<ContainerStatus> statuses = status(pod).getContainerStatuses();
        return statuses == null || statuses.isEmpty() ? Optional.empty() : Optional.of(statuses.get(0));
    }

    private static List<PodCondition> conditions(Pod pod) {
        List<PodCondition> conditions = status(pod).getConditions();
        return conditions == null ? List.of() : conditions;
    }

    private static PodStatus status(Pod pod) {
        return pod.getStatus() == null ? new PodStatus() : pod.getStatus();
    }

    private static String text(@Nullable String message) {
        return message == null ? "no details" : message;
    }
}
