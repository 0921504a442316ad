package dev.runtimeservice.agent.orchestrator.discovery;

import dev.runtimeservice.agent.orchestrator.OrchestratorProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;

/** Discovers the agents once the orchestrator is ready, then again every {@code orchestrator.discovery-interval}. */
@Component
class DiscoveryScheduler {

    private static final Logger log = LoggerFactory.getLogger(DiscoveryScheduler.class);

    private final AgentRegistry registry;
    private final TaskScheduler scheduler;
    private final OrchestratorProperties properties;
    private volatile String lastManagerError = "";

    DiscoveryScheduler(AgentRegistry registry, TaskScheduler scheduler, OrchestratorProperties properties) {
        this.registry = registry;
        this.scheduler = scheduler;
        this.properties = properties;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        scheduler.scheduleWithFixedDelay(this::refresh, properties.discoveryInterval());
    }

    private void refresh() {
        try {
            String error = registry.refresh().managerError();
            // Say it once when the manager stops answering, not every few seconds.
            if (error != null && !error.equals(lastManagerError)) {
                log.warn("Could not ask the manager which agents run: {}", error);
            }
            lastManagerError = error == null ? "" : error;
        } catch (RuntimeException e) {
            log.warn("Discovery failed: {}", e.toString());
        }
    }
}
