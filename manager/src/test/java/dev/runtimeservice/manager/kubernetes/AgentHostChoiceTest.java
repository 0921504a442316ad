package dev.runtimeservice.manager.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtimeservice.manager.agent.fake.FakeAgentHost;
import dev.runtimeservice.manager.config.RuntimeProperties;
import dev.runtimeservice.manager.process.AgentHost;
import dev.runtimeservice.manager.resources.SecretRedactor;
import dev.runtimeservice.manager.telemetry.TraceHeaders;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Configuration;

/**
 * RUNTIME_BACKEND picks the host in code when the context starts, not through a bean condition (which Spring AOT
 * would fix at build time). The Kubernetes side connects to fabric8's mock API server ({@link MockCluster}), which
 * stands in for a cluster: none can be had here.
 */
class AgentHostChoiceTest {

    private final FakeAgentHost local = new FakeAgentHost(Clock.systemUTC());

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
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
    void anUnknownBackendStopsTheStartSayingWhichValuesExist() {
        runner.withPropertyValues("runtime.backend.kind=nomad")
                .run(context -> assertThat(context.getStartupFailure())
                        .rootCause()
                        .hasMessageContaining("must be local or kubernetes (RUNTIME_BACKEND)"));
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties({RuntimeProperties.class, BackendProperties.class})
    static class Enable {}
}
