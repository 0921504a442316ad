package dev.runtimeservice.manager.kubernetes;

import dev.runtimeservice.manager.config.RuntimeProperties;
import dev.runtimeservice.manager.process.AgentHost;
import dev.runtimeservice.manager.process.AgentProcess;
import dev.runtimeservice.manager.process.AgentUsage;
import dev.runtimeservice.manager.process.LaunchPlan;
import dev.runtimeservice.manager.process.Readiness;
import dev.runtimeservice.manager.process.ShutdownRequest;
import dev.runtimeservice.manager.process.StandbyProcess;
import dev.runtimeservice.manager.process.StopOutcome;
import dev.runtimeservice.manager.process.Workload;
import dev.runtimeservice.manager.resources.SecretRedactor;
import dev.runtimeservice.manager.state.LiveAgents.LiveAgent;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;

/**
 * Agents as pods in one namespace: each launch is a Pod (the manager is its controller, so the agent's own restart
 * policy maps onto the pod's), a Service named for the agent and a Secret holding its resources file and token, both
 * owned by the pod. The state of the pods is watched by {@link PodWatch}; their logs are copied by {@link PodLogs}.
 */
final class KubernetesAgents implements AgentHost, AutoCloseable {

    private final KubernetesClient client;
    private final String namespace;
    private final PodSpecs specs;
    private final SecretRedactor redactor;
    private final Duration logRetry;
    private final PodWatch watch;
    private final PodStopper stopper;
    private final LaunchSecrets secrets;
    private final PodLogStreams logStreams;
    /** The client {@link #connect} opened, which {@link #close} closes; a client handed in stays its giver's. */
    private @Nullable KubernetesClient opened;

    private final AtomicBoolean closed = new AtomicBoolean();

    /**
     * @param logRetry how soon a pod's log is asked for again when it could not be opened or its container restarted
     */
    KubernetesAgents(
            KubernetesClient client,
            String namespace,
            PodSpecs specs,
            SecretRedactor redactor,
            Duration logRetry,
            ShutdownRequest shutdown) {
        this.client = client;
        this.namespace = namespace;
        this.specs = specs;
        this.redactor = redactor;
        this.logRetry = logRetry;
        this.watch = new PodWatch(client, namespace);
        this.stopper = new PodStopper(client, namespace, shutdown);
        this.secrets = new LaunchSecrets(client, namespace);
        this.logStreams = new PodLogStreams(client, namespace);
    }

    /** Connects to the cluster the manager runs in (its service account), or the one its kubeconfig names. */
    static AgentHost connect(
            BackendProperties backend, RuntimeProperties runtime, SecretRedactor redactor, ShutdownRequest shutdown) {
        Config config = new ConfigBuilder(Config.autoConfigure(null))
                .withNamespace(backend.namespace())
                .build();
        ApiServerCheck.check(config, backend.namespace());
        KubernetesClient client =
                new KubernetesClientBuilder().withConfig(config).build();
        KubernetesAgents agents = new KubernetesAgents(
                client,
                backend.namespace(),
                new PodSpecs(
                        backend.managerUrlInCluster(), runtime.agentStartupTimeout(), runtime.agentShutdownTimeout()),
                redactor,
                backend.pollInterval(),
                shutdown);
        agents.opened = client;
        return agents;
    }

    @Override
    public boolean runsLocally() {
        return false;
    }

    @Override
    public String agentAddress(String agent) {
        return new AgentObjects(agent, "").service() + "." + namespace + ".svc";
    }

    @Override
    public AgentProcess launch(LaunchPlan plan) throws IOException {
        Workload workload = plan.workload();
        if (workload == null || workload.image() == null) {
            throw new IOException("it has no 'image:' in its agent.yml, which RUNTIME_BACKEND=kubernetes needs: "
                    + "build an image of it (see docs/kubernetes.md) and name it there");
        }
        AgentObjects names = new AgentObjects(plan.name(), plan.env().getOrDefault("AGENT_ID", ""));
        byte[] resources = workload.resourcesFile();
        String token = plan.env().getOrDefault("AGENT_TOKEN", "");
        try {
            stopper.removeService(names);
            Pod pod = client.pods()
                    .inNamespace(namespace)
                    .resource(specs.pod(names, plan, workload, workload.image()))
                    .create();
            client.secrets()
                    .inNamespace(namespace)
                    .resource(PodSpecs.owned(specs.secret(names, resources, token), pod))
                    .create();
            client.services()
                    .inNamespace(namespace)
                    .resource(specs.service(names, workload.port(), pod))
                    .create();
            return watched(names, pod, false, null);
        } catch (KubernetesClientException e) {
            stopper.deleteAll(names, 0);
            throw new IOException("the Kubernetes API refused its pod: " + e.getMessage(), e);
        }
    }

    @Override
    public StandbyProcess launchStandby(LaunchPlan plan) throws IOException {
        throw new IOException("warm standby (AGENT_STANDBY) keeps a JVM waiting on this machine, which "
                + "RUNTIME_BACKEND=kubernetes does not; leave AGENT_STANDBY empty there");
    }

    @Override
    public boolean canTakeOver() {
        return true;
    }

    /** The launches whose pods still run in the namespace, found by their labels: no state file is needed. */
    @Override
    public List<LiveAgent> running() {
        return watch.livePods().stream().flatMap(pod -> liveAgent(pod).stream()).toList();
    }

    private Optional<LiveAgent> liveAgent(Pod pod) {
        Optional<AgentObjects> names = AgentObjects.of(pod.getMetadata().getLabels());
        String port = pod.getMetadata().getAnnotations() == null
                ? null
                : pod.getMetadata().getAnnotations().get(AgentObjects.PORT_ANNOTATION);
        if (names.isEmpty() || port == null) {
            return Optional.empty();
        }
        Optional<String> token = secrets.token(names.get());
        return token.map(value -> new LiveAgent(
                PodProcess.pidOf(pod),
                Instant.parse(pod.getMetadata().getCreationTimestamp()),
                names.get().agent(),
                names.get().launchId(),
                value,
                Integer.parseInt(port)));
    }

    /** The resources file the launch's Secret holds: the manager that made it may have gone with its own copy. */
    @Override
    public Optional<byte[]> resourcesFile(LiveAgent agent) {
        return secrets.resourcesFile(new AgentObjects(agent.name(), agent.id()));
    }

    @Override
    public Optional<AgentProcess> adopt(String name, long pid, Path output) {
        return watch.livePods().stream()
                .filter(pod -> PodProcess.pidOf(pod) == pid)
                .flatMap(pod -> AgentObjects.of(pod.getMetadata().getLabels()).stream()
                        .filter(names -> names.agent().equals(name))
                        .map(names -> watched(names, pod, true, Instant.now())))
                .findFirst();
    }

    private AgentProcess watched(AgentObjects names, Pod pod, boolean adopted, @Nullable Instant logsSince) {
        PodProcess process = new PodProcess(names, pod, adopted);
        watch.add(process);
        PodLogs.follow(logStreams, process, redactor, logRetry, logsSince, closed::get);
        return process;
    }

    /**
     * Waits until the pod is Ready, as its readiness probe (the descriptor's health path) tells Kubernetes; the
     * manager does not call the agent itself, so it need not reach the pod to know.
     */
    @Override
    public Readiness awaitReady(AgentProcess process, URI healthUrl, Duration timeout) {
        return watch.awaitReady(pod(process), timeout);
    }

    /**
     * A pod that did not become Ready in time, named, with what its status shows: the kubelet probes the agent, not
     * the manager, so "did not answer" would say more than the manager knows.
     */
    @Override
    public String notReady(AgentProcess process, URI healthUrl, Duration timeout) {
        PodProcess pod = pod(process);
        return "its pod " + pod.names().pod() + " did not become Ready within AGENT_STARTUP_TIMEOUT="
                + timeout.toSeconds() + "s (the readiness probe on " + healthUrl.getPath() + " had not passed): "
                + PodStatuses.notReady(pod.latest());
    }

    /** Liveness is the kubelet's: its probe restarts a hung container in place, so the manager never kills it. */
    @Override
    public boolean answers(AgentProcess process, URI url, Duration timeout) {
        return process.isAlive();
    }

    @Override
    public StopOutcome stop(AgentProcess process, @Nullable URI shutdownUrl, String token, Duration timeout) {
        PodProcess pod = pod(process);
        StopOutcome outcome = stopper.stop(pod, shutdownUrl, token, timeout);
        watch.remove(pod);
        return outcome;
    }

    @Override
    public void kill(AgentProcess process) {
        PodProcess pod = pod(process);
        stopper.deleteAll(pod.names(), 0);
        pod.end(null, null);
        watch.remove(pod);
    }

    @Override
    public void track(AgentProcess process) {}

    /**
     * Deletes what is left of a launch whose pod ended for good (phase Failed or Succeeded: a crash the manager
     * restarts with a new pod, or gives up on): the pod, its Secret and its Service. Kubernetes keeps an ended bare pod
     * until someone deletes it, and its Secret with it; its log has been copied into the agent's log file by now.
     */
    @Override
    public void forget(AgentProcess process) {
        PodProcess pod = pod(process);
        if (!pod.isAlive()) {
            watch.remove(pod);
            stopper.deleteAll(pod.names(), 0);
        }
    }

    /** CPU and memory of pods come from a metrics server, which the manager does not read yet. */
    @Override
    public AgentUsage usage(AgentProcess process) {
        return AgentUsage.NONE;
    }

    @Override
    public void close() {
        closed.set(true);
        watch.close();
        KubernetesClient own = opened;
        if (own != null) {
            own.close();
        }
    }

    private static PodProcess pod(AgentProcess process) {
        if (process instanceof PodProcess pod) {
            return pod;
        }
        throw new IllegalArgumentException("pid " + process.pid() + " is not an agent pod");
    }
}
