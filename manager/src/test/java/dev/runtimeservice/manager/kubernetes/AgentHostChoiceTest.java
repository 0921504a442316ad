package dev.runtimeservice.manager.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtimeservice.manager.agent.fake.FakeAgentHost;
import dev.runtimeservice.manager.config.RuntimeProperties;
import dev.runtimeservice.manager.process.AgentHost;
import dev.runtimeservice.manager.resources.SecretRedactor;
import dev.runtimeservice.manager.telemetry.TraceHeaders;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/**
 * RUNTIME_BACKEND picks the host in code when the context starts, not through a bean condition (which Spring AOT
 * would fix at build time). The Kubernetes side connects to fabric8's mock API server ({@link MockCluster}), which
 * stands in for a cluster: none can be had here.
 */
class AgentHostChoiceTest {

    private final FakeAgentHost local = new FakeAgentHost(Clock.systemUTC());

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(Enable.class, AgentHostChoice.class)
            .withBean("localProcesses", AgentHost.class, () -> local)
            .withBean(SecretRedactor.class)
            .withBean(TraceHeaders.class, Tracer.NOOP, Propagator.NOOP)
            .withPropertyValues(
                    "runtime.min-agent-port=8001",
                    "runtime.max-agent-port=12001",
                    "runtime.agents-dir=agents",
                    "runtime.log-dir=logs",
                    "runtime.agent-startup-timeout=60",
                    "runtime.agent-shutdown-timeout=10",
                    "runtime.bind-address=127.0.0.1",
                    "runtime.log-level=INFO");

    @Test
    void theDefaultBackendIsTheLocalOne() {
        runner.run(context -> assertThat(context.getBean(AgentHost.class)).isSameAs(local));
    }

    @Test
    void kubernetesRunsAgentsAsPodsInTheNamespaceItNames() {
        runner.withSystemProperties("kubernetes.master=" + MockCluster.url(), "kubernetes.auth.tryKubeConfig=false")
                .withPropertyValues("runtime.backend.kind=kubernetes", "runtime.backend.namespace=team-a")
                .run(context -> {
                    AgentHost host = context.getBean(AgentHost.class);
                    assertThat(host).isInstanceOf(KubernetesAgents.class);
                    assertThat(host.runsLocally()).isFalse();
                    assertThat(host.agentAddress("vfs")).isEqualTo("agent-vfs.team-a.svc");
                    assertThat(host.running()).isEmpty();
                });
    }

    @Test
    void anApiServerThatCannotBeReachedStopsTheStartSayingWhatToDo() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        String apiServer = "http://127.0.0.1:" + closedPort + "/";
        runner.withSystemProperties("kubernetes.master=" + apiServer, "kubernetes.auth.tryKubeConfig=false")
                .withPropertyValues("runtime.backend.kind=kubernetes", "runtime.backend.namespace=team-a")
                .run(context -> {
                    FailureAnalysis analysis = analysis(context.getStartupFailure());
                    assertThat(analysis.getDescription())
                            .startsWith("RUNTIME_BACKEND=kubernetes: cannot reach the Kubernetes API server at "
                                    + apiServer + " (")
                            .contains("ConnectException");
                    assertThat(analysis.getAction()).contains("KUBECONFIG", "leave RUNTIME_BACKEND unset");
                });
    }

    @Test
    void anApiServerThatRefusesToListPodsStopsTheStartNamingTheRole() {
        // Expectations mode, not the CRUD cluster of the other tests: the answer to give is a refusal.
        KubernetesMockServer refusing = new KubernetesMockServer(false);
        refusing.init();
        try {
            refusing.expect()
                    .get()
                    .withPath("/api/v1/namespaces/team-a/pods?limit=1")
                    .andReturn(
                            403,
                            new StatusBuilder()
                                    .withCode(403)
                                    .withReason("Forbidden")
                                    .build())
                    .always();
            String apiServer = refusing.url("/");
            runner.withSystemProperties("kubernetes.master=" + apiServer, "kubernetes.auth.tryKubeConfig=false")
                    .withPropertyValues("runtime.backend.kind=kubernetes", "runtime.backend.namespace=team-a")
                    .run(context -> {
                        FailureAnalysis analysis = analysis(context.getStartupFailure());
                        assertThat(analysis.getDescription())
                                .isEqualTo("RUNTIME_BACKEND=kubernetes: the Kubernetes API server at " + apiServer
                                        + " refused to list pods in namespace team-a (HTTP 403)");
                        assertThat(analysis.getAction()).contains("deploy/kubernetes/rbac.yaml", "RUNTIME_NAMESPACE");
                    });
        } finally {
            refusing.destroy();
        }
    }

    private static FailureAnalysis analysis(@Nullable Throwable startupFailure) {
        assertThat(startupFailure).isNotNull();
        FailureAnalysis analysis = new KubernetesUnreachableFailureAnalyzer().analyze(startupFailure);
        assertThat(analysis).as("the failure analysis of %s", startupFailure).isNotNull();
        return analysis;
    }

    @Test
    void anUnknownBackendStopsTheStartSayingWhichValuesExist() {
        runner.withPropertyValues("runtime.backend.kind=nomad")
                .run(context -> assertThat(context.getStartupFailure())
                        .rootCause()
                        .hasMessage("Invalid configuration: RUNTIME_BACKEND (runtime.backend.kind) must be local or"
                                + " kubernetes (was 'nomad')"));
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties({RuntimeProperties.class, BackendProperties.class})
    static class Enable {}
}
