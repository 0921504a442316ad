package dev.runtimeservice.manager.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.runtimeservice.manager.limits.Limits;
import dev.runtimeservice.manager.process.AgentProcess;
import dev.runtimeservice.manager.process.EndCause;
import dev.runtimeservice.manager.process.LaunchPlan;
import dev.runtimeservice.manager.process.Readiness;
import dev.runtimeservice.manager.process.ShutdownRequest;
import dev.runtimeservice.manager.process.StopOutcome;
import dev.runtimeservice.manager.process.Workload;
import dev.runtimeservice.manager.resources.SecretRedactor;
import dev.runtimeservice.manager.state.LiveAgents.LiveAgent;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The Kubernetes backend against fabric8's mock API server in CRUD mode: it stores and serves the objects the manager
 * makes as a real API server would, and {@link Kubelet} writes the pod statuses and logs a node would. No Kubernetes
 * cluster can be had where these tests run, so scheduling, image pulls, probes and container restarts are simulated;
 * everything the manager sends and reads goes through the real fabric8 client over HTTP.
 */
class KubernetesAgentsTest {

    // One mock server for all the Kubernetes tests (MockCluster), and a namespace per test, which keeps them apart.
    private final KubernetesClient client = MockCluster.client();
    private final String namespace = MockCluster.newNamespace("agents");

    @TempDir
    Path home;

    private KubernetesAgents agents;
    private Kubelet kubelet;
    private final ListAppender<ILoggingEvent> agentOutput = new ListAppender<>();

    @BeforeEach
    void setUp() {
        agents = newManager();
        kubelet = new Kubelet(client, namespace);
        agentOutput.start();
        ((Logger) LoggerFactory.getLogger("agent-output")).addAppender(agentOutput);
    }

    @AfterEach
    void tearDown() {
        agents.close();
        ((Logger) LoggerFactory.getLogger("agent-output")).detachAppender(agentOutput);
    }

    private KubernetesAgents newManager() {
        PodSpecs specs = new PodSpecs(
                "http://runtime-manager." + namespace + ".svc:8000", Duration.ofSeconds(60), Duration.ofSeconds(10));
        return new KubernetesAgents(
                client,
                namespace,
                specs,
                new SecretRedactor(),
                Duration.ofMillis(50),
                new ShutdownRequest(Duration.ofMillis(200), UnaryOperator.identity()));
    }

    @Test
    void aLaunchIsAPodWithItsServiceAndSecretLabelledAndOwnedAndAnswersOnceReady() throws IOException {
        kubelet.log("vfs", launchId("vfs"), "Started VfsApplication\n");
        AgentProcess process = agents.launch(plan("vfs", "vfs:0.1.0", "on-failure"));
        Pod pod = kubelet.podOf("vfs");
        kubelet.ready(pod.getMetadata().getName(), "node-a", 0);

        Readiness readiness = agents.awaitReady(process, URI.create("http://unused"), Duration.ofSeconds(5));

        assertThat(readiness.outcome()).isEqualTo(Readiness.Outcome.READY);
        Container container = pod.getSpec().getContainers().get(0);
        assertThat(container.getImage()).isEqualTo("vfs:0.1.0");
        assertThat(pod.getSpec().getRestartPolicy()).isEqualTo("OnFailure");
        assertThat(pod.getSpec().getTerminationGracePeriodSeconds()).isEqualTo(10);
        assertThat(container.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/actuator/health/readiness");
        assertThat(container.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/actuator/health/liveness");
        assertThat(container.getResources().getLimits()).containsKeys("memory", "cpu");
        Map<String, EnvVar> env = container.getEnv().stream().collect(Collectors.toMap(EnvVar::getName, var -> var));
        assertThat(env.get("AGENT_BIND_ADDRESS").getValue()).isEqualTo("0.0.0.0");
        assertThat(env.get("AGENT_PORT").getValue()).isEqualTo("8001");
        assertThat(env.get("AGENT_RESOURCES_FILE").getValue()).isEqualTo("/var/run/runtime-service/resources.json");
        assertThat(env.get("MANAGER_URL").getValue()).isEqualTo("http://runtime-manager." + namespace + ".svc:8000");
        assertThat(env.get("AGENT_TOKEN").getValue())
                .as("the token is read from the Secret")
                .isNull();
        assertThat(env.get("AGENT_TOKEN").getValueFrom().getSecretKeyRef().getKey())
                .isEqualTo("token");
        assertThat(container.getVolumeMounts())
                .anySatisfy(mount -> assertThat(mount.getReadOnly()).isTrue());

        Secret secret =
                client.secrets().inNamespace(namespace).list().getItems().get(0);
        assertThat(decode(secret, "resources.json")).contains("\"bucket\"");
        assertThat(decode(secret, "token")).isEqualTo("token-vfs");
        assertThat(secret.getMetadata().getOwnerReferences().get(0).getUid())
                .isEqualTo(pod.getMetadata().getUid());
        Service service =
                client.services().inNamespace(namespace).withName("agent-vfs").get();
        assertThat(service.getSpec().getPorts().get(0).getPort()).isEqualTo(8001);
        assertThat(service.getMetadata().getOwnerReferences().get(0).getName())
                .isEqualTo(pod.getMetadata().getName());
        assertThat(service.getMetadata().getLabels())
                .containsEntry("runtime-service/agent", "vfs")
                .containsEntry("runtime-service/launch", launchId("vfs"));
        assertThat(agents.agentAddress("vfs")).isEqualTo("agent-vfs." + namespace + ".svc");

        soon().untilAsserted(() -> {
            assertThat(process.node()).contains("node-a");
            assertThat(agentOutput.list)
                    .anySatisfy(line -> assertThat(line.getFormattedMessage()).contains("Started VfsApplication"));
        });
    }

    @Test
    void listingSeesTheNodeAndTheRestartsKubernetesMadeInPlace() throws IOException {
        AgentProcess process = agents.launch(plan("kendra", "kendra:0.1.0", "always"));
        String pod = kubelet.podOf("kendra").getMetadata().getName();
        kubelet.ready(pod, "node-b", 0);
        agents.awaitReady(process, URI.create("http://unused"), Duration.ofSeconds(5));

        kubelet.ready(pod, "node-b", 3);

        soon().until(() -> process.hostRestarts() == 3);
        assertThat(process.isAlive())
                .as("a container restarted in place does not end the launch")
                .isTrue();
        assertThat(kubelet.podOf("kendra").getSpec().getRestartPolicy()).isEqualTo("Always");
    }

    @Test
    void anImageThatCannotBePulledFailsTheStartWithKubernetesReasonAndKillRemovesEverything() throws IOException {
        AgentProcess process = agents.launch(plan("gpt4", "registry.invalid/gpt4:9", "never"));
        String pod = kubelet.podOf("gpt4").getMetadata().getName();
        kubelet.waiting(pod, "ImagePullBackOff", "Back-off pulling image \"registry.invalid/gpt4:9\"");

        Readiness readiness = agents.awaitReady(process, URI.create("http://unused"), Duration.ofSeconds(5));
        agents.kill(process);

        assertThat(readiness.outcome()).isEqualTo(Readiness.Outcome.EXITED);
        assertThat(process.endCause())
                .hasValue(new EndCause(
                        EndCause.Kind.NOT_STARTED,
                        "ImagePullBackOff: Back-off pulling image \"registry.invalid/gpt4:9\""));
        process.awaitOutput(Duration.ofSeconds(2));
        assertThat(agentOutput.list)
                .as("a container that never ran has no log, and no error of the API server is taken for one")
                .noneSatisfy(line -> assertThat(line.getFormattedMessage()).contains("[gpt4]"));
        assertThat(client.pods().inNamespace(namespace).list().getItems()).isEmpty();
        assertThat(client.secrets().inNamespace(namespace).list().getItems()).isEmpty();
        assertThat(client.services().inNamespace(namespace).list().getItems()).isEmpty();
    }

    @Test
    void aCrashLoopingAgentFailsItsStartWithTheReasonAndItsLastLogLines() throws IOException {
        kubelet.log("crashy", launchId("crashy"), "Exception in thread main: missing OPENAI_API_KEY\n");
        AgentProcess process = agents.launch(plan("crashy", "crashy:1", "on-failure"));
        String pod = kubelet.podOf("crashy").getMetadata().getName();
        kubelet.crashLooping(pod, 3);

        Readiness readiness = agents.awaitReady(process, URI.create("http://unused"), Duration.ofSeconds(5));
        process.awaitOutput(Duration.ofSeconds(2));

        assertThat(readiness.outcome()).isEqualTo(Readiness.Outcome.EXITED);
        assertThat(process.endCause())
                .hasValue(new EndCause(
                        EndCause.Kind.NOT_STARTED,
                        "CrashLoopBackOff: back-off 10s restarting failed container=agent pod=" + pod
                                + "; last run: Error"));
        assertThat(process.onExit().join()).as("the exit code of its last run").isEqualTo(1);
        assertThat(agentOutput.list)
                .anySatisfy(line -> assertThat(line.getFormattedMessage()).contains("missing OPENAI_API_KEY"));
    }

    @Test
    void aPodNoNodeCanTakeFailsAsUnschedulable() throws IOException {
        AgentProcess process = agents.launch(plan("big", "big:1", "on-failure"));
        kubelet.unschedulable(
                kubelet.podOf("big").getMetadata().getName(), "0/3 nodes are available: 3 Insufficient memory.");

        Readiness readiness = agents.awaitReady(process, URI.create("http://unused"), Duration.ofSeconds(5));

        assertThat(readiness.outcome()).isEqualTo(Readiness.Outcome.EXITED);
        assertThat(process.endCause())
                .hasValue(new EndCause(
                        EndCause.Kind.NOT_STARTED, "unschedulable: 0/3 nodes are available: 3 Insufficient memory."));
    }

    @Test
    void aStopDeletesThePodWithItsGracePeriodAndTheSecretGoesWithIt() throws IOException {
        AgentProcess process = agents.launch(plan("vfs", "vfs:0.1.0", "on-failure"));
        kubelet.ready(kubelet.podOf("vfs").getMetadata().getName(), "node-a", 0);
        agents.awaitReady(process, URI.create("http://unused"), Duration.ofSeconds(5));

        StopOutcome outcome = agents.stop(process, null, "token-vfs", Duration.ofSeconds(10));

        assertThat(outcome).isEqualTo(StopOutcome.SIGTERM);
        assertThat(process.isAlive()).isFalse();
        assertThat(process.endCause()).as("a stop is no crash").isEmpty();
        assertThat(client.pods().inNamespace(namespace).list().getItems()).isEmpty();
        assertThat(client.secrets().inNamespace(namespace).list().getItems())
                .as("the resources Secret")
                .isEmpty();
        assertThat(client.services().inNamespace(namespace).list().getItems()).isEmpty();
    }

    @Test
    void aPodNotReadyInTimeIsReportedAsSuchWithWhatItsStatusShows() throws IOException {
        AgentProcess process = agents.launch(plan("slow", "slow:1", "on-failure"));
        String pod = kubelet.podOf("slow").getMetadata().getName();
        kubelet.runningNotReady(pod, "node-a");
        URI health = URI.create("http://agent-slow." + namespace + ".svc:8001/actuator/health/readiness");

        Readiness readiness = agents.awaitReady(process, health, Duration.ofMillis(100));

        assertThat(readiness.outcome()).isEqualTo(Readiness.Outcome.TIMED_OUT);
        soon().untilAsserted(() -> assertThat(agents.notReady(process, health, Duration.ofSeconds(60)))
                .isEqualTo("its pod " + pod + " did not become Ready within AGENT_STARTUP_TIMEOUT=60s (the readiness "
                        + "probe on /actuator/health/readiness had not passed): phase Running; container running, "
                        + "not ready (ContainersNotReady: containers with unready status: [agent])"));
        kubelet.waiting(pod, "ContainerCreating", "pulling image");
        soon().untilAsserted(() -> assertThat(agents.notReady(process, health, Duration.ofSeconds(60)))
                .endsWith("had not passed): phase Pending; container waiting: ContainerCreating: pulling image"));
    }

    @Test
    void aPodThatFailedForGoodGoesWithItsSecretWhenTheManagerLetsGoOfTheLaunchButALaterLaunchsServiceStays()
            throws IOException {
        AgentProcess crashed = agents.launch(plan("vfs", "launch-1", "vfs:0.1.0", "on-failure"));
        String pod = kubelet.podOf("vfs").getMetadata().getName();
        kubelet.ready(pod, "node-a", 0);
        agents.awaitReady(crashed, URI.create("http://unused"), Duration.ofSeconds(5));

        kubelet.evicted(pod, "The node was low on resource: memory.");
        soon().until(() -> !crashed.isAlive());
        assertThat(crashed.onExit().join()).isEqualTo(137);
        assertThat(crashed.endCause())
                .hasValue(new EndCause(
                        EndCause.Kind.REMOVED_BY_HOST,
                        "its pod " + pod + " ended (phase Failed, Evicted: The node was low on resource: memory.)"));
        assertThat(client.pods().inNamespace(namespace).list().getItems())
                .as("Kubernetes keeps a bare pod that ended until someone deletes it")
                .hasSize(1);

        agents.forget(crashed);

        assertThat(client.pods().inNamespace(namespace).list().getItems()).isEmpty();
        assertThat(client.secrets().inNamespace(namespace).list().getItems()).isEmpty();
        assertThat(client.services().inNamespace(namespace).list().getItems()).isEmpty();

        AgentProcess restarted = agents.launch(plan("vfs", "launch-2", "vfs:0.1.0", "on-failure"));
        agents.forget(crashed);
        agents.forget(restarted);
        assertThat(client.services()
                        .inNamespace(namespace)
                        .withName("agent-vfs")
                        .get())
                .as("the restart's Service, which a late word about the crashed launch must not take away")
                .isNotNull();
        assertThat(client.secrets().inNamespace(namespace).list().getItems())
                .as("a running launch is not let go of")
                .hasSize(1);
    }

    @Test
    void aPodWhoseContainerWasOomKilledIsOutOfMemoryAndOneThatExitedIsACrash() throws IOException {
        AgentProcess hog = agents.launch(plan("hog", "hog:1", "never"));
        String hogPod = kubelet.podOf("hog").getMetadata().getName();
        kubelet.ready(hogPod, "node-a", 0);
        agents.awaitReady(hog, URI.create("http://unused"), Duration.ofSeconds(5));
        AgentProcess crashy = agents.launch(plan("crashy", "crashy:1", "never"));
        String crashyPod = kubelet.podOf("crashy").getMetadata().getName();
        kubelet.ready(crashyPod, "node-a", 0);
        agents.awaitReady(crashy, URI.create("http://unused"), Duration.ofSeconds(5));

        kubelet.failed(hogPod, 137, "OOMKilled");
        kubelet.failed(crashyPod, 1, "Error");
        soon().until(() -> !hog.isAlive() && !crashy.isAlive());

        assertThat(hog.endCause())
                .hasValue(EndCause.outOfMemory("out of memory in its pod " + hogPod + " (OOMKilled, limit 256Mi)"));
        assertThat(crashy.endCause())
                .hasValue(new EndCause(
                        EndCause.Kind.EXITED, "its pod " + crashyPod + " ended (phase Failed, container Error)"));
        assertThat(crashy.onExit().join()).isEqualTo(1);
    }

    @Test
    void aPodDeletedBehindTheManagersBackEndsTheLaunch() throws IOException {
        AgentProcess process = agents.launch(plan("vfs", "vfs:0.1.0", "on-failure"));
        String pod = kubelet.podOf("vfs").getMetadata().getName();
        kubelet.ready(pod, "node-a", 0);
        agents.awaitReady(process, URI.create("http://unused"), Duration.ofSeconds(5));

        client.pods()
                .inNamespace(namespace)
                .withLabel(AgentObjects.AGENT_LABEL, "vfs")
                .delete();

        soon().until(() -> process.onExit().isDone());
        assertThat(process.onExit().join())
                .as("the exit code of a deleted pod is not known")
                .isNull();
        assertThat(process.endCause())
                .hasValue(new EndCause(
                        EndCause.Kind.REMOVED_BY_HOST, "its pod " + pod + " was deleted, not by this manager"));
    }

    @Test
    void aManagerStartedAgainFindsTheRunningPodsByTheirLabelsAndResourcesWithoutAnyFile() throws IOException {
        AgentProcess first = agents.launch(plan("vfs", "vfs:0.1.0", "on-failure"));
        kubelet.ready(kubelet.podOf("vfs").getMetadata().getName(), "node-a", 0);
        agents.awaitReady(first, URI.create("http://unused"), Duration.ofSeconds(5));
        agents.close();
        // The new manager's pod has a disk of its own; no resources file was written on the first one's either.
        KubernetesAgents restarted = newManager();
        try {
            List<LiveAgent> found = restarted.running();
            assertThat(found).singleElement().satisfies(live -> {
                assertThat(live.name()).isEqualTo("vfs");
                assertThat(live.id()).isEqualTo(launchId("vfs"));
                assertThat(live.token()).isEqualTo("token-vfs");
                assertThat(live.port()).isEqualTo(8001);
                assertThat(live.pid()).isEqualTo(first.pid());
                assertThat(restarted.resourcesFile(live))
                        .as("the launch's resources file, from its Secret, for the manager's own restarts of it")
                        .hasValueSatisfying(file -> assertThat(new String(file, StandardCharsets.UTF_8))
                                .isEqualTo("{\"id\":\"" + launchId("vfs") + "\",\"resources\":{\"bucket\":\"b1\"}}"));
            });
            AgentProcess adopted =
                    restarted.adopt("vfs", first.pid(), home.resolve("unused")).orElseThrow();
            assertThat(adopted.adopted()).isTrue();
            assertThat(restarted
                            .awaitReady(adopted, URI.create("http://unused"), Duration.ofSeconds(5))
                            .outcome())
                    .isEqualTo(Readiness.Outcome.READY);
        } finally {
            restarted.close();
        }
    }

    @Test
    void anAgentWithoutAnImageIsRefusedSayingWhatToAdd() throws IOException {
        LaunchPlan plan = plan("local-only", null, "on-failure");

        assertThatThrownBy(() -> agents.launch(plan))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("no 'image:' in its agent.yml");
        assertThat(client.pods().inNamespace(namespace).list().getItems()).isEmpty();
    }

    private LaunchPlan plan(String name, @org.jspecify.annotations.Nullable String image, String restart)
            throws IOException {
        return plan(name, launchId(name), image, restart);
    }

    private LaunchPlan plan(
            String name, String launchId, @org.jspecify.annotations.Nullable String image, String restart)
            throws IOException {
        Map<String, String> env = Map.of(
                "AGENT_NAME",
                name,
                "AGENT_PORT",
                "8001",
                "AGENT_ID",
                launchId,
                "AGENT_TOKEN",
                "token-" + name,
                "AGENT_RESOURCES_FILE",
                home.resolve("resources.json").toString(),
                "AGENT_BIND_ADDRESS",
                "127.0.0.1",
                "AGENT_HOME",
                home.toString());
        return new LaunchPlan(
                name,
                List.of("java", "-jar", "agent.jar"),
                home,
                env,
                null,
                Limits.parse("256Mi", "0.5", null),
                List.of(),
                null,
                new Workload(
                        image,
                        8001,
                        "/actuator/health/readiness",
                        "/actuator/health/liveness",
                        restart,
                        ("{\"id\":\"" + launchId + "\",\"resources\":{\"bucket\":\"b1\"}}")
                                .getBytes(StandardCharsets.UTF_8)));
    }

    /** Checks at once, then every 10 ms: the pods' watch tells the manager within milliseconds here. */
    private static ConditionFactory soon() {
        return await().pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(10))
                .atMost(Duration.ofSeconds(5));
    }

    private static String launchId(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static String decode(Secret secret, String key) {
        return new String(Base64.getDecoder().decode(secret.getData().get(key)), StandardCharsets.UTF_8);
    }
}
