package dev.runtimeservice.manager.kubernetes;

import dev.runtimeservice.manager.limits.Limits;
import dev.runtimeservice.manager.process.LaunchPlan;
import dev.runtimeservice.manager.process.Workload;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.ProbeBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The Pod, Service and Secret of one launch, from its plan: the same environment contract as a local process, with
 * the paths and addresses a pod has instead of the manager's.
 */
final class PodSpecs {

    static final String RESOURCES_KEY = "resources.json";
    static final String TOKEN_KEY = "token";
    static final String RESOURCES_DIR = "/var/run/runtime-service";
    static final String AGENT_HOME = "/var/lib/agent";
    private static final int READINESS_PERIOD_SECONDS = 2;

    private final String managerUrl;
    private final Duration startupTimeout;
    private final Duration shutdownTimeout;

    PodSpecs(String managerUrl, Duration startupTimeout, Duration shutdownTimeout) {
        this.managerUrl = managerUrl;
        this.startupTimeout = startupTimeout;
        this.shutdownTimeout = shutdownTimeout;
    }

    /** The launch's resources file and token, which the pod mounts read-only and reads its token from. */
    Secret secret(AgentObjects names, byte[] resources, String token) {
        Base64.Encoder base64 = Base64.getEncoder();
        return new SecretBuilder()
                .withNewMetadata()
                .withName(names.secret())
                .withLabels(names.labels())
                .endMetadata()
                .withType("Opaque")
                .withData(Map.of(
                        RESOURCES_KEY, base64.encodeToString(resources),
                        TOKEN_KEY, base64.encodeToString(token.getBytes(StandardCharsets.UTF_8))))
                .build();
    }

    Pod pod(AgentObjects names, LaunchPlan plan, Workload workload, String image) {
        return new PodBuilder()
                .withNewMetadata()
                .withName(names.pod())
                .withLabels(names.labels())
                .withAnnotations(Map.of(AgentObjects.PORT_ANNOTATION, Integer.toString(workload.port())))
                .endMetadata()
                .withNewSpec()
                .withRestartPolicy(restartPolicy(workload.restart()))
                .withTerminationGracePeriodSeconds(shutdownTimeout.toSeconds())
                // Agents do not call the Kubernetes API: they get no service account token.
                .withAutomountServiceAccountToken(false)
                .withContainers(container(names, plan, workload, image))
                .addNewVolume()
                .withName("resources")
                .withNewSecret()
                .withSecretName(names.secret())
                .withDefaultMode(0400)
                .endSecret()
                .endVolume()
                .addNewVolume()
                .withName("home")
                .withNewEmptyDir()
                .endEmptyDir()
                .endVolume()
                .endSpec()
                .build();
    }

    /** The agent's Service: its port, on the agent's pod of the moment. */
    Service service(AgentObjects names, int port, Pod owner) {
        return new ServiceBuilder()
                .withNewMetadata()
                .withName(names.service())
                .withLabels(names.labels())
                .withOwnerReferences(ownedBy(owner))
                .endMetadata()
                .withNewSpec()
                .withSelector(
                        Map.of(AgentObjects.AGENT_LABEL, names.agent(), AgentObjects.MANAGED_BY, AgentObjects.MANAGER))
                .addNewPort()
                .withName("http")
                .withPort(port)
                .withTargetPort(new IntOrString(port))
                .endPort()
                .endSpec()
                .build();
    }

    /** Makes {@code object} go with the pod: Kubernetes deletes it once the pod is deleted. */
    static <T extends HasMetadata> T owned(T object, Pod owner) {
        object.getMetadata().setOwnerReferences(List.of(ownedBy(owner)));
        return object;
    }

    private static OwnerReference ownedBy(Pod owner) {
        return new OwnerReferenceBuilder()
                .withApiVersion("v1")
                .withKind("Pod")
                .withName(owner.getMetadata().getName())
                .withUid(owner.getMetadata().getUid())
                .build();
    }

    private Container container(AgentObjects names, LaunchPlan plan, Workload workload, String image) {
        ContainerBuilder container = new ContainerBuilder()
                .withName("agent")
                .withImage(image)
                .withEnv(environment(names, plan))
                .addNewPort()
                .withName("http")
                .withContainerPort(workload.port())
                .endPort()
                .withStartupProbe(
                        probe(workload.livenessPath(), workload.port(), READINESS_PERIOD_SECONDS, startupChecks()))
                .withReadinessProbe(probe(workload.readinessPath(), workload.port(), READINESS_PERIOD_SECONDS, 3))
                .withLivenessProbe(probe(workload.livenessPath(), workload.port(), 10, 3))
                .addNewVolumeMount()
                .withName("resources")
                .withMountPath(RESOURCES_DIR)
                .withReadOnly(true)
                .endVolumeMount()
                .addNewVolumeMount()
                .withName("home")
                .withMountPath(AGENT_HOME)
                .endVolumeMount()
                .withNewSecurityContext()
                .withAllowPrivilegeEscalation(false)
                .endSecurityContext();
        Map<String, Quantity> limits = limits(plan.limits());
        if (!limits.isEmpty()) {
            container.withNewResources().withLimits(limits).endResources();
        }
        return container.build();
    }

    /** The plan's environment, with the pod's own paths and addresses, and the token read from the Secret. */
    private List<EnvVar> environment(AgentObjects names, LaunchPlan plan) {
        Map<String, String> env = new TreeMap<>(plan.env());
        env.remove("AGENT_TOKEN");
        env.put("AGENT_BIND_ADDRESS", "0.0.0.0");
        env.put("AGENT_HOME", AGENT_HOME);
        env.put("AGENT_RESOURCES_FILE", RESOURCES_DIR + "/" + RESOURCES_KEY);
        env.put("LOG_DIR", AGENT_HOME + "/logs");
        env.put("MANAGER_URL", managerUrl);
        List<EnvVar> vars = new java.util.ArrayList<>(env.entrySet().stream()
                .map(entry -> new EnvVar(entry.getKey(), entry.getValue(), null))
                .toList());
        vars.add(new EnvVarBuilder()
                .withName("AGENT_TOKEN")
                .withNewValueFrom()
                .withNewSecretKeyRef()
                .withName(names.secret())
                .withKey(TOKEN_KEY)
                .endSecretKeyRef()
                .endValueFrom()
                .build());
        return vars;
    }

    private int startupChecks() {
        long seconds = startupTimeout.toSeconds() + READINESS_PERIOD_SECONDS - 1;
        return (int) Math.max(1, seconds / READINESS_PERIOD_SECONDS);
    }

    private static Probe probe(String path, int port, int periodSeconds, int failureThreshold) {
        return new ProbeBuilder()
                .withNewHttpGet()
                .withPath(path)
                .withPort(new IntOrString(port))
                .endHttpGet()
                .withPeriodSeconds(periodSeconds)
                .withTimeoutSeconds(2)
                .withFailureThreshold(failureThreshold)
                .build();
    }

    /** The restart policy of agent.yml as Kubernetes names it. */
    static String restartPolicy(String restart) {
        return switch (restart) {
            case "never" -> "Never";
            case "always" -> "Always";
            default -> "OnFailure";
        };
    }

    /** Memory and CPU limits become the container's; Kubernetes has no per-container limit on processes. */
    private static Map<String, Quantity> limits(Limits limits) {
        Map<String, Quantity> quantities = new LinkedHashMap<>();
        if (limits.memoryBytes() != null) {
            quantities.put("memory", new Quantity(Long.toString(limits.memoryBytes())));
        }
        if (limits.cpu() != null) {
            quantities.put("cpu", new Quantity(Long.toString(Math.round(limits.cpu() * 1000)) + "m"));
        }
        return new HashMap<>(quantities);
    }
}
