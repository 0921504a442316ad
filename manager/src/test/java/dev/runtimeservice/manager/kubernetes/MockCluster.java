package dev.runtimeservice.manager.kubernetes;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.util.HashMap;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The stand-in for a Kubernetes cluster, which cannot be had on the machines these tests run on: ONE fabric8 mock API
 * server in CRUD mode (it stores and serves objects, lists by label and streams watch events like an API server; it
 * runs no kubelet, scheduler or garbage collector) for every Kubernetes test of this JVM. Starting one costs about a
 * second on a loaded machine, so the test classes share it and keep apart by namespace, one each test. Pods' logs,
 * which the mock cannot serve (a kubelet does), are served from what {@link Kubelet#log} wrote.
 */
final class MockCluster {

    private static final AtomicInteger NAMESPACES = new AtomicInteger();
    private static final Pattern LOG = Pattern.compile("/api/v1/namespaces/([^/]+)/pods/([^/?]+)/log(\\?.*)?");
    /** Pods' logs by namespace/name, as the kubelet of their node would serve them. */
    private static final Map<String, String> LOGS = new ConcurrentHashMap<>();

    private static final KubernetesMockServer SERVER = start();
    private static final KubernetesClient CLIENT = SERVER.createClient();

    private MockCluster() {}

    private static KubernetesMockServer start() {
        Map<ServerRequest, Queue<ServerResponse>> expectations = new HashMap<>();
        KubernetesMockServer server = new KubernetesMockServer(
                new Context(Serialization.jsonMapper()),
                new MockWebServer(),
                expectations,
                new WithPodLogs(expectations),
                false);
        // Each request it serves is logged at INFO; the tests' own assertions say more.
        Logger.getLogger(MockWebServer.class.getName()).setLevel(Level.WARNING);
        server.init();
        // The JVM of the tests ends with it; the server's threads are daemons, this only closes its port first.
        Runtime.getRuntime().addShutdownHook(new Thread(server::destroy, "mock-cluster-stop"));
        return server;
    }

    static KubernetesMockServer server() {
        return SERVER;
    }

    /** A client of the mock server for the tests' own reads and writes (the kubelet's part, assertions). */
    static KubernetesClient client() {
        return CLIENT;
    }

    /** A namespace no other test uses. */
    static String newNamespace(String purpose) {
        return purpose + "-" + NAMESPACES.incrementAndGet();
    }

    /** The mock server's address, as {@code kubernetes.master} takes it. */
    static String url() {
        return SERVER.url("/");
    }

    /** Serves {@code text} as the log of the pod from now on, whatever the request's follow or sinceTime. */
    static void log(String namespace, String pod, String text) {
        LOGS.put(namespace + "/" + pod, text);
    }

    /** The CRUD mock, plus the pods' log requests, answered with the log the pod's kubelet would return. */
    private static final class WithPodLogs extends KubernetesMixedDispatcher {

        WithPodLogs(Map<ServerRequest, Queue<ServerResponse>> expectations) {
            super(expectations);
        }

        @Override
        public MockResponse dispatch(RecordedRequest request) {
            Matcher log = LOG.matcher(request.getPath());
            if (!"GET".equals(request.getMethod()) || !log.matches()) {
                return super.dispatch(request);
            }
            // A container that printed nothing has an empty log; the manager asks only once the container has run.
            String text = LOGS.getOrDefault(log.group(1) + "/" + log.group(2), "");
            return new MockResponse().setResponseCode(200).setBody(text);
        }
    }
}
