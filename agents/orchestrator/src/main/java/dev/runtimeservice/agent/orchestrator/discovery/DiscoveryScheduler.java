package dev.runtimeservice.agent.orchestrator.discovery;

import dev.runtimeservice.agent.orchestrator.OrchestratorProperties;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;

/**
 * Discovers the agents once the orchestrator is ready, then again as soon as the manager's events say an agent started
 * or stopped running ({@link ManagerEventFeed}), and every {@code orchestrator.discovery-interval} for what events do
 * not tell (a card that changed, an agent that stopped answering).
 */
@Component
class DiscoveryScheduler {

    private static final Logger log = LoggerFactory.getLogger(DiscoveryScheduler.class);
    /** Events come in bursts (a launch of several agents): one look after the burst settles sees them all. */
    private static final Duration SETTLE = Duration.ofMillis(100);

    private final AgentRegistry registry;
    private final TaskScheduler scheduler;
    private final OrchestratorProperties properties;
    private final ManagerEventFeed events;
    private final AtomicBoolean refreshPending = new AtomicBoolean();
    private volatile String lastManagerError = "";

    DiscoveryScheduler(
            AgentRegistry registry,
            TaskScheduler scheduler,
            OrchestratorProperties properties,
            ManagerEventFeed events) {
        this.registry = registry;
        this.scheduler = scheduler;
        this.properties = properties;
        this.events = events;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        scheduler.scheduleWithFixedDelay(this::refresh, properties.discoveryInterval());
        events.follow(this::refreshSoon);
    }

    private void refreshSoon() {
        if (refreshPending.compareAndSet(false, true)) {
            scheduler.schedule(
                    () -> {
                        refreshPending.set(false);
                        refresh();
                    },
                    Instant.now().plus(SETTLE));
        }
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
