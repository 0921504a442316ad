package dev.runtimeservice.manager.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.runtimeservice.manager.limits.Limits;
import dev.runtimeservice.manager.process.AgentProcess;
import dev.runtimeservice.manager.process.LaunchPlan;
import dev.runtimeservice.manager.process.ShutdownRequest;
import dev.runtimeservice.manager.process.Workload;
import dev.runtimeservice.manager.resources.SecretRedactor;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every manifest in {@code deploy/} and every object the Kubernetes backend creates passes {@code kubectl apply
 * --dry-run=client}, run as a real process. No Kubernetes cluster can be had where this runs, and a client dry run
 * still asks an API server which kinds exist and whether they are namespaced: {@link DiscoveryServer} answers that on
 * loopback (a kubeconfig of the test's own names it), and kubectl then parses each object, maps its apiVersion and
 * kind to a resource, finds no object of that name and prints it "created". Not done here: kubectl's own field
 * validation ({@code --validate=strict}), which reads the server's schema only as protobuf from {@code /openapi/v2},
 * which no file here holds; so kubectl runs with {@code --validate=false}, and the manifests' fields are checked
 * against fabric8's model instead (generated from Kubernetes' OpenAPI schema, {@link UnknownFields}). The test is
 * skipped, saying why, where kubectl is missing.
 */
class KubectlDryRunTest {

    private static final Path DEPLOY = Path.of("..", "deploy");

    @TempDir
    static Path work;

    private static Path kubectl;
    private static DiscoveryServer server;
    private static Path kubeconfig;

    @BeforeAll
    static void kubectlAndAServerToAsk() throws IOException {
        kubectl = onPath("kubectl").orElse(null);
        if (kubectl == null) {
            return;
        }
        server = new DiscoveryServer();
        kubeconfig = work.resolve("kubeconfig");
        Files.writeString(kubeconfig, """
                apiVersion: v1
                kind: Config
                clusters: [{name: discovery-only, cluster: {server: "%s"}}]
                users: [{name: nobody, user: {}}]
                contexts: [{name: dry-run, context: {cluster: discovery-only, user: nobody, namespace: dry-run}}]
                current-context: dry-run
                """.formatted(server.url()));
    }

    /** Per test rather than in {@code @BeforeAll}, so that each skipped test says why in the test report. */
    @BeforeEach
    void kubectlIsThere() {
        assumeTrue(
                kubectl != null,
                "kubectl is not on the PATH, so the manifests cannot be dry-run: install kubectl 1.32 to run this");
    }

    @AfterAll
    static void stopTheServer() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void everyManifestInDeployPassesAClientDryRunAndHasOnlyFieldsItsKindHas() throws IOException {
        List<Path> manifests;
        try (Stream<Path> files = Files.walk(DEPLOY)) {
            manifests = files.filter(file ->
                            file.toString().endsWith(".yaml") || file.toString().endsWith(".yml"))
                    .sorted()
                    .toList();
        }
        assertThat(manifests).as("the manifests in deploy/").isNotEmpty();
        List<HasMetadata> objects = new ArrayList<>();
        for (Path manifest : manifests) {
            try (InputStream in = Files.newInputStream(manifest)) {
                objects.addAll(MockCluster.client().load(in).items());
            }
        }

        assertThat(dryRun(manifests)).containsExactlyElementsOf(names(objects));
        assertThat(objects)
                .allSatisfy(object -> assertThat(UnknownFields.of(object))
                        .as(
                                "fields that %s %s does not have",
                                object.getKind(), object.getMetadata().getName())
                        .isEmpty());
        assertThat(server.requests())
                .as("a client dry run reads, and never writes")
                .allSatisfy(request -> assertThat(request).startsWith("GET "))
                .contains("GET /apis/apps/v1/namespaces/dry-run/deployments/runtime-manager");
    }

    @Test
    void thePodSecretAndServiceOfALaunchPassAClientDryRun() throws IOException {
        String namespace = MockCluster.newNamespace("kubectl");
        KubernetesClient client = MockCluster.client();
        List<HasMetadata> created;
        try (KubernetesAgents agents = new KubernetesAgents(
                client,
                namespace,
                new PodSpecs(
                        "http://runtime-manager." + namespace + ".svc:8000",
                        Duration.ofSeconds(60),
                        Duration.ofSeconds(10)),
                new SecretRedactor(),
                Duration.ofMillis(50),
                new ShutdownRequest(Duration.ofMillis(200), UnaryOperator.identity()))) {
            AgentProcess process = agents.launch(plan());
            created = new ArrayList<>();
            created.addAll(client.pods().inNamespace(namespace).list().getItems());
            created.addAll(client.secrets().inNamespace(namespace).list().getItems());
            created.addAll(client.services().inNamespace(namespace).list().getItems());
            agents.kill(process);
        }
        assertThat(created).extracting(HasMetadata::getKind).containsExactly("Pod", "Secret", "Service");
        Path file = work.resolve("launch.yaml");
        Files.writeString(
                file,
                String.join(
                        "---\n", created.stream().map(KubectlDryRunTest::asSent).toList()));

        assertThat(dryRun(List.of(file))).containsExactlyElementsOf(names(created));
    }

    @Test
    void aKindTheServerDoesNotHaveAndAFieldTheKindDoesNotHaveAreBothCaught() throws IOException {
        String pod = """
                apiVersion: v1
                kind: Pod
                metadata: {name: typo}
                spec:
                  containers:
                    - name: agent
                      image: vfs:0.1.0
                      readinesProbe: {httpGet: {path: /health, port: 8001}}
                """;
        HasMetadata typo = MockCluster.client()
                .load(new ByteArrayInputStream(pod.getBytes(StandardCharsets.UTF_8)))
                .items()
                .get(0);
        assertThat(UnknownFields.of(typo)).containsExactly("spec.containers[0].readinesProbe");

        Path misplaced = work.resolve("misplaced.yaml");
        Files.writeString(misplaced, pod.replace("apiVersion: v1", "apiVersion: apps/v1"));
        Run run = kubectl(List.of(misplaced));

        assertThat(run.exit()).isNotZero();
        assertThat(run.err()).contains("no matches for kind \"Pod\" in version \"apps/v1\"");
    }

    /** The object as the manager sent it: without what the API server fills in (uid, resourceVersion, status). */
    private static String asSent(HasMetadata object) {
        ObjectMeta meta = object.getMetadata();
        meta.setUid(null);
        meta.setResourceVersion(null);
        meta.setCreationTimestamp(null);
        meta.setGeneration(null);
        meta.setManagedFields(null);
        Map<String, Object> tree = Serialization.jsonMapper().convertValue(object, Map.class);
        tree.remove("status");
        return Serialization.asYaml(tree);
    }

    /** Runs {@code kubectl apply --dry-run=client -o name} on the files: the names of the objects it would create. */
    private static List<String> dryRun(List<Path> files) throws IOException {
        Run run = kubectl(files);
        assertThat(run.exit()).as("kubectl's exit code; it said: %s", run.err()).isZero();
        return run.out();
    }

    private record Run(int exit, List<String> out, String err) {}

    private static Run kubectl(List<Path> files) throws IOException {
        List<String> argv = new ArrayList<>(List.of(
                kubectl.toString(),
                "apply",
                "--dry-run=client",
                "--validate=false",
                "--output=name",
                "--cache-dir=" + work.resolve("cache")));
        files.forEach(file -> argv.addAll(List.of("-f", file.toString())));
        ProcessBuilder builder = new ProcessBuilder(argv)
                .redirectOutput(work.resolve("out").toFile())
                .redirectError(work.resolve("err").toFile());
        builder.environment().put("KUBECONFIG", kubeconfig.toString());
        Process process = builder.start();
        try {
            assertThat(process.waitFor(30, TimeUnit.SECONDS))
                    .as("kubectl ended")
                    .isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while kubectl ran", e);
        } finally {
            process.destroyForcibly();
        }
        return new Run(
                process.exitValue(), Files.readAllLines(work.resolve("out")), Files.readString(work.resolve("err")));
    }

    /** The names {@code kubectl -o name} prints: {@code deployment.apps/runtime-manager}, {@code service/agent-vfs}. */
    private static List<String> names(List<HasMetadata> objects) {
        return objects.stream()
                .map(object -> {
                    String apiVersion = object.getApiVersion();
                    String group =
                            apiVersion.contains("/") ? "." + apiVersion.substring(0, apiVersion.indexOf('/')) : "";
                    return object.getKind().toLowerCase(Locale.ROOT) + group + "/"
                            + object.getMetadata().getName();
                })
                .toList();
    }

    private LaunchPlan plan() {
        return new LaunchPlan(
                "vfs",
                List.of("java", "-jar", "agent.jar"),
                work,
                Map.of(
                        "AGENT_NAME", "vfs",
                        "AGENT_PORT", "8001",
                        "AGENT_ID", "0f3c1c52-6a8e-4a4e-9a3e-2d1f7c9b5e01",
                        "AGENT_TOKEN", "token-vfs",
                        "AGENT_RESOURCES_FILE", work.resolve("resources.json").toString(),
                        "AGENT_HOME", work.toString()),
                null,
                Limits.parse("256Mi", "0.5", null),
                List.of(),
                null,
                new Workload(
                        "vfs:0.1.0",
                        8001,
                        "/actuator/health/readiness",
                        "/actuator/health/liveness",
                        "on-failure",
                        "{\"id\":\"launch-1\",\"resources\":{\"bucket\":\"b1\"}}".getBytes(StandardCharsets.UTF_8)));
    }

    private static Optional<Path> onPath(String program) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .filter(dir -> !dir.isEmpty())
                .map(dir -> Path.of(dir, program))
                .filter(Files::isExecutable)
                .findFirst();
    }
}
