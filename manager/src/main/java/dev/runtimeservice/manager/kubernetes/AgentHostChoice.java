package dev.runtimeservice.manager.kubernetes;

import dev.runtimeservice.manager.config.RuntimeProperties;
import dev.runtimeservice.manager.process.AgentHost;
import dev.runtimeservice.manager.process.ShutdownRequest;
import dev.runtimeservice.manager.resources.SecretRedactor;
import dev.runtimeservice.manager.telemetry.TraceHeaders;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * Chooses where agents run from {@code RUNTIME_BACKEND}, at run time: under Spring AOT ({@code bin/runtime-manager})
 * a bean condition would be fixed when the manager is built. The fabric8 client is loaded only when the backend is
 * {@code kubernetes}: {@link KubernetesAgents} is the one class that names it, and it is reached only from here.
 * The local host and its parts (cgroups, process sampling) are lazy beans, made only when agents run on this machine.
 */
@Configuration(proxyBeanMethods = false)
class AgentHostChoice implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(AgentHostChoice.class);

    private volatile @Nullable AutoCloseable opened;

    @Bean
    @Primary
    AgentHost agentHost(
            @Qualifier("localProcesses") ObjectProvider<AgentHost> local,
            BackendProperties backend,
            RuntimeProperties runtime,
            SecretRedactor redactor,
            TraceHeaders traceHeaders) {
        if (!backend.kubernetes()) {
            return local.getObject();
        }
        // A longer connect timeout than on this machine: the agent's Service is reached across the cluster's network.
        ShutdownRequest shutdown = new ShutdownRequest(Duration.ofSeconds(1), traceHeaders::inject);
        AgentHost kubernetes = KubernetesAgents.connect(backend, runtime, redactor, shutdown);
        opened = (AutoCloseable) kubernetes;
        log.info("Agents run as pods in Kubernetes namespace {} (RUNTIME_BACKEND=kubernetes)", backend.namespace());
        return kubernetes;
    }

    @Override
    public void destroy() throws Exception {
        AutoCloseable host = opened;
        if (host != null) {
            host.close();
        }
    }
}
