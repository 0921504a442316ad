package dev.runtimeservice.manager.kubernetes;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import dev.runtimeservice.manager.agent.standby.StandbyPool;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;

/**
 * The whole manager in this JVM, on its real REST API, with {@code RUNTIME_BACKEND=kubernetes}: the specification's
 * curl calls (launch with resources, list, stop) and an agent's logs, as agents in a namespace. No Kubernetes cluster
 * can be had where this runs: fabric8's mock API server ({@link MockCluster}) stands in for one, and it has no
 * kubelet, so no container runs and nobody probes anything. This test plays the kubelet: it watches the namespace and
 * reports each pod the manager creates Ready on a node at once, with a log line, as a kubelet would once the agent's
 * readiness probe answered. What it shows is the manager's side: the objects it makes, that a launch answers once the
 * pod is Ready, and what the API reports from the pods.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "runtime.agents-dir=src/test/resources/kubernetes-agents",
            "runtime.log-dir=target/kubernetes-manager-logs",
            "runtime.state.dir=target/kubernetes-manager-state/${random.uuid}",
            "runtime.min-agent-port=23600",
            "runtime.max-agent-port=23699",
            "runtime.backend.kind=kubernetes",
            "runtime.backend.poll-interval=50ms",
            "runtime.supervision.initial-backoff=50ms"
        })
// Closed after this class, while the mock server still runs, so that nothing waits for it at the JVM's exit.
@DirtiesContext
class KubernetesManagerTest {

    private static final String NAMESPACE = MockCluster.newNamespace("manager");
    private static final Path LOGS = Path.of("target", "kubernetes-manager-logs");
    private static final String[] FABRIC8_SETTINGS = {
        "kubernetes.master", "kubernetes.auth.tryKubeConfig", "kubernetes.auth.tryServiceAccount"
    };

    private final KubernetesClient client = MockCluster.client();
    private final Kubelet kubelet = new Kubelet(client, NAMESPACE);
    private final ExecutorService node = Executors.newSingleThreadExecutor();
    /** The last pod the kubelet started for each agent. */
    private final Map<String, String> started = new ConcurrentHashMap<>();

    private Watch watch;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void cluster(DynamicPropertyRegistry registry) {
        registry.add("runtime.backend.namespace", () -> NAMESPACE);
        // fabric8 reads where the API server is as it would from a kubeconfig: here, the mock's address.
        System.setProperty("kubernetes.master", MockCluster.url());
        System.setProperty("kubernetes.auth.tryKubeConfig", "false");
        System.setProperty("kubernetes.auth.tryServiceAccount", "false");
    }

    /** Runs before the manager starts: a log line an earlier run left must not pass for one of this run's. */
    @BeforeAll
    static void startWithoutLogs() throws IOException {
        FileSystemUtils.deleteRecursively(LOGS);
    }

    @AfterAll
    static void forgetTheMock() {
        for (String setting : FABRIC8_SETTINGS) {
            System.clearProperty(setting);
        }
    }

    /**
     * The kubelet's part: each new pod is started, logs a line and is reported Ready on node-1; the {@code crashy}
     * agent's pods log an error and crash-loop instead.
     */
    @BeforeEach
    void playTheKubelet() {
        watch = client.pods().inNamespace(NAMESPACE).watch(new Watcher<>() {
            @Override
            public void eventReceived(Action action, Pod pod) {
                if (action == Action.ADDED) {
                    node.execute(() -> start(pod));
                }
            }

            @Override
            public void onClose(WatcherException cause) {}
        });
    }

    private void start(Pod pod) {
        String name = pod.getMetadata().getName();
        String agent = pod.getMetadata().getLabels().get(AgentObjects.AGENT_LABEL);
        started.put(agent, name);
        if ("crashy".equals(agent)) {
            MockCluster.log(NAMESPACE, name, "Exception in thread main: missing OPENAI_API_KEY\n");
            kubelet.crashLooping(name, 3);
        } else {
            MockCluster.log(NAMESPACE, name, "Started " + agent + " in its pod " + name + "\n");
            kubelet.ready(name, "node-1", 0);
        }
    }

    /** Stops what a test left listed (a FAILED launch is listed too), so that the next one starts from none. */
    @AfterEach
    void stopEveryAgent() {
        for (String agent :
                given().port(port).get("/api/list_agents").jsonPath().<String>getList("agents.name")) {
            given().port(port)
                    .post("/api/stop_agent?agent_name=" + agent)
                    .then()
                    .statusCode(200);
        }
    }

    @AfterEach
    void stopTheKubelet() {
        watch.close();
        node.shutdownNow();
    }

    /** Warm standby is on by default, and a standby is a JVM waiting on this machine: none is made for pods. */
    @Test
    void noWarmStandbyIsKeptWhenAgentsRunAsPods(@Autowired StandbyPool standby) {
        assertThat(standby.isRunning()).isFalse();
    }

    /**
     * Nothing of the local host is made for pods: no cgroup is looked for (its start line would describe this
     * machine's limits, which mean nothing there) and no process is sampled every second.
     */
    @Test
    void theLocalProcessHostIsNotMadeWhenAgentsRunAsPods(@Autowired ConfigurableApplicationContext context)
            throws IOException {
        for (String local : List.of("localProcesses", "agentLauncher", "cgroups", "processMetrics")) {
            assertThat(context.getBeanFactory().containsSingleton(local))
                    .as(local)
                    .isFalse();
        }
        assertThat(Files.readString(LOGS.resolve("runtime.log")))
                .contains("Agents run as pods in Kubernetes namespace " + NAMESPACE)
                .doesNotContain("Agent limits are enforced")
                .doesNotContain("Agent limits cannot be enforced");
    }

    @Test
    void theSpecificationsCallsRunAgentsAsPodsInTheNamespace() throws IOException {
        ExtractableResponse<Response> launched = given().port(port)
                .contentType(ContentType.JSON)
                .body("{\"agents\": [\"vfs\", \"kendra\"], \"resources\": {\"sharepoint\": {\"url\": "
                        + "\"https://example.com\", \"user\": \"user\", \"password\": \"pass\"}}}")
                .post("/api/launch_agents")
                .then()
                .statusCode(200)
                .body("agents.name", contains("vfs", "kendra"))
                .body("agents.status", everyItem(equalTo("RUNNING")))
                .body("agents.resources", everyItem(contains("sharepoint")))
                .body(not(containsString("pass\"")))
                .extract();

        assertThat(launched.<String>path("agents[0].url"))
                .as("the agent's Service, which the orchestrator discovers through the manager")
                .isEqualTo(serviceUrl("vfs"));

        Pod vfs = kubelet.podOf("vfs");
        assertThat(vfs.getSpec().getContainers().get(0).getImage())
                .isEqualTo("registry.example/runtime-service/vfs:0.1.0");
        Secret resources = client.secrets()
                .inNamespace(NAMESPACE)
                .withName(vfs.getMetadata().getName() + "-resources")
                .get();
        assertThat(new String(
                        Base64.getDecoder().decode(resources.getData().get("resources.json")), StandardCharsets.UTF_8))
                .as("the launch's resources file, which the pod mounts")
                .contains("\"password\":\"pass\"");
        try (Stream<Path> catalog = Files.walk(Path.of("src/test/resources/kubernetes-agents"))) {
            assertThat(catalog.filter(file -> file.endsWith("resources.json")))
                    .as("nothing written into the catalog, which may be a read-only ConfigMap in a cluster")
                    .isEmpty();
        }
        assertThat(client.services()
                        .inNamespace(NAMESPACE)
                        .withName("agent-kendra")
                        .get())
                .isNotNull();

        given().port(port)
                .get("/api/list_agents")
                .then()
                .statusCode(200)
                .body("agents.name", containsInAnyOrder("vfs", "kendra"))
                .body("agents.node", everyItem(equalTo("node-1")))
                .body("agents.container_restarts", everyItem(equalTo(0)));

        // The pod's log is copied into the agent's log file as it comes, which the logs endpoint reads.
        soon().untilAsserted(() -> given().port(port)
                .get("/api/agents/vfs/logs")
                .then()
                .statusCode(200)
                .body("lines", hasItem(containsString("Started vfs in its pod agent-vfs-"))));

        given().port(port)
                .post("/api/stop_agent?agent_name=vfs")
                .then()
                .statusCode(200)
                .body("agents[0].name", equalTo("vfs"))
                .body("agents[0].status", equalTo("STOPPED"));

        assertThat(client.pods()
                        .inNamespace(NAMESPACE)
                        .withLabel(AgentObjects.AGENT_LABEL, "vfs")
                        .list()
                        .getItems())
                .as("the stopped agent's pod")
                .isEmpty();
        assertThat(client.secrets()
                        .inNamespace(NAMESPACE)
                        .withName(resources.getMetadata().getName())
                        .get())
                .as("its resources Secret")
                .isNull();
        given().port(port).get("/api/list_agents").then().statusCode(200).body("agents.name", contains("kendra"));

        given().port(port).post("/api/stop_agent?agent_name=kendra").then().statusCode(200);
        assertThat(client.pods().inNamespace(NAMESPACE).list().getItems()).isEmpty();
    }

    @Test
    void aPodThatFailedForGoodIsReplacedByANewOneAndGoesWithItsSecret() {
        given().port(port)
                .contentType(ContentType.JSON)
                .body("{\"agents\": [\"kendra\"]}")
                .post("/api/launch_agents")
                .then()
                .statusCode(200);
        String crashed = kubelet.podOf("kendra").getMetadata().getName();

        kubelet.evicted(crashed, "The node was low on resource: memory.");

        soon().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            List<String> pods = client.pods().inNamespace(NAMESPACE).list().getItems().stream()
                    .map(pod -> pod.getMetadata().getName())
                    .toList();
            assertThat(pods)
                    .as("the restart's pod, and not the failed one")
                    .hasSize(1)
                    .doesNotContain(crashed);
            assertThat(client.secrets().inNamespace(NAMESPACE).list().getItems())
                    .as("the restart's resources Secret only")
                    .extracting(secret -> secret.getMetadata().getName())
                    .containsExactly(pods.get(0) + "-resources");
            given().port(port)
                    .get("/api/list_agents")
                    .then()
                    .body("agents.name", contains("kendra"))
                    .body("agents[0].status", equalTo("RUNNING"))
                    .body("agents[0].restarts", equalTo(1));
        });

        given().port(port).post("/api/stop_agent?agent_name=kendra").then().statusCode(200);
        assertThat(client.pods().inNamespace(NAMESPACE).list().getItems()).isEmpty();
        soon().untilAsserted(() -> assertThat(scrape())
                .as("an eviction is Kubernetes' doing, not the kernel's")
                .contains("runtime_agent_failures_total{agent=\"kendra\",reason=\"ended_by_host\"} 1.0")
                .contains("runtime_agent_restarts_total{agent=\"kendra\",reason=\"ended_by_host\"} 1.0"));
    }

    @Test
    void aCrashLoopingAgentFailsItsLaunchWithKubernetesReasonItsExitCodeAndItsLastLogLines() {
        ExtractableResponse<Response> failed = given().port(port)
                .contentType(ContentType.JSON)
                .body("{\"agents\": [\"crashy\"]}")
                .post("/api/launch_agents")
                .then()
                .statusCode(502)
                .body("log_tail", hasItem(containsString("missing OPENAI_API_KEY")))
                .extract();

        String pod = started.get("crashy");
        assertThat(failed.<String>path("detail"))
                .isEqualTo("Agent crashy failed to start: it failed before it was ready: CrashLoopBackOff: back-off "
                        + "10s restarting failed container=agent pod=" + pod + "; last run: Error, exit code 1. Its "
                        + "last log lines are in 'log_tail'; the full log is at /api/agents/crashy/logs.");
        assertThat(client.pods()
                        .inNamespace(NAMESPACE)
                        .withLabel(AgentObjects.AGENT_LABEL, "crashy")
                        .list()
                        .getItems())
                .as("the failed launch's pod")
                .isEmpty();
        assertThat(scrape())
                .contains("runtime_agent_failures_total{agent=\"crashy\",reason=\"exited_during_start\"} 1.0");
    }

    @Test
    void anOomKilledPodIsKilledByTheKernelAndAPodWhoseAgentExitedIsACrash() {
        String hog = launchRunning("hog");
        kubelet.failed(hog, 137, "OOMKilled");
        assertThat(awaitFailed("hog"))
                .isEqualTo("was killed by the kernel: out of memory in its pod " + hog
                        + " (OOMKilled, limit 256Mi), exit code 137 (restart policy never)");

        String crashed = launchRunning("hog");
        kubelet.failed(crashed, 1, "Error");
        assertThat(awaitFailed("hog"))
                .isEqualTo("exited on its own with code 1: its pod " + crashed
                        + " ended (phase Failed, container Error) (restart policy never)");

        // Counted by a listener of the same event, which may run after the agent is listed FAILED.
        soon().untilAsserted(() -> assertThat(scrape())
                .contains("runtime_agent_failures_total{agent=\"hog\",reason=\"killed_by_kernel\"} 1.0")
                .contains("runtime_agent_failures_total{agent=\"hog\",reason=\"exited_with_error\"} 1.0"));
        assertThat(client.pods().inNamespace(NAMESPACE).list().getItems())
                .as("the ended pods, deleted when the manager gave up on them")
                .isEmpty();
    }

    /** Launches {@code agent}, which the kubelet reports Ready; its pod's name. */
    private String launchRunning(String agent) {
        given().port(port)
                .contentType(ContentType.JSON)
                .body("{\"agents\": [\"" + agent + "\"]}")
                .post("/api/launch_agents")
                .then()
                .statusCode(200)
                .body("agents[0].status", equalTo("RUNNING"));
        return kubelet.podOf(agent).getMetadata().getName();
    }

    /** Waits until {@code agent} is FAILED; its message. */
    private String awaitFailed(String agent) {
        return soon().until(
                        () -> given().port(port)
                                .get("/api/list_agents?name=" + agent)
                                .then()
                                .extract()
                                .jsonPath(),
                        answer -> "FAILED".equals(answer.getString("agents[0].status")))
                .getString("agents[0].message");
    }

    /** Checks at once, then every 20 ms: the pods' watch tells the manager within milliseconds here. */
    private static ConditionFactory soon() {
        return await().pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(20))
                .atMost(Duration.ofSeconds(5));
    }

    private String scrape() {
        return given().port(port)
                .get("/actuator/prometheus")
                .then()
                .statusCode(200)
                .extract()
                .asString();
    }

    private String serviceUrl(String agent) {
        Integer servicePort = client.services()
                .inNamespace(NAMESPACE)
                .withName("agent-" + agent)
                .get()
                .getSpec()
                .getPorts()
                .get(0)
                .getPort();
        return "http://agent-" + agent + "." + NAMESPACE + ".svc:" + servicePort;
    }
}
