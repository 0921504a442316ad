package dev.runtimeservice.manager.agent.takeover;

import dev.runtimeservice.manager.agent.AgentRegistry;
import dev.runtimeservice.manager.agent.ManagedAgent;
import dev.runtimeservice.manager.agent.catalog.AgentCatalog;
import dev.runtimeservice.manager.agent.catalog.AgentDescriptor;
import dev.runtimeservice.manager.agent.launch.LaunchResources;
import dev.runtimeservice.manager.agent.supervision.AgentSupervisor;
import dev.runtimeservice.manager.error.RuntimeServiceException;
import dev.runtimeservice.manager.resources.ResourcesSnapshot;
import dev.runtimeservice.manager.state.FailedRecord;
import dev.runtimeservice.manager.state.WaitingRecord;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Brings back the agents whose launch had ended when the previous manager stopped: those waiting for their restart
 * wait in BACKOFF again and are restarted when due, with the resources their resources file kept; failed ones are
 * listed as FAILED with their failure until they are launched again. An agent whose process was taken over, or whose
 * descriptor is gone, is left out.
 */
@Component
class EndedLaunches {

    private static final Logger log = LoggerFactory.getLogger(EndedLaunches.class);

    private final AgentCatalog catalog;
    private final AgentRegistry registry;
    private final LaunchResources resources;
    private final AgentSupervisor supervisor;

    EndedLaunches(AgentCatalog catalog, AgentRegistry registry, LaunchResources resources, AgentSupervisor supervisor) {
        this.catalog = catalog;
        this.registry = registry;
        this.resources = resources;
        this.supervisor = supervisor;
    }

    void restore(List<WaitingRecord> waiting, List<FailedRecord> failed) {
        waiting.forEach(this::resume);
        failed.forEach(this::recall);
    }

    private void resume(WaitingRecord waiting) {
        Optional<AgentDescriptor> descriptor = descriptor(waiting.name(), "waited for its restart");
        if (descriptor.isEmpty()) {
            return;
        }
        Optional<Map<String, Object>> values = resources.read(descriptor.get(), waiting.id());
        if (values.isEmpty()) {
            log.warn(
                    "Agent {} waited for its restart, but the resources of its last launch {}; it restarts without "
                            + "resources",
                    waiting.name(),
                    resources
                            .keptFor(descriptor.get())
                            .map(file -> "are gone from " + file)
                            .orElse("are not read back by a new manager where agents run off this machine"));
        }
        ManagedAgent agent = ManagedAgent.ended(
                descriptor.get(),
                waiting.id(),
                waiting.port(),
                waiting.startedAt(),
                waiting.restarts(),
                resources.snapshot(values.orElse(Map.of())),
                waiting.reason(),
                null);
        agent.backOff(waiting.reason(), null, waiting.restartAt());
        registry.put(agent);
        log.info(
                "Agent {} waited for its restart when the previous manager ended ({}); restarting it at {} "
                        + "(restart {})",
                waiting.name(),
                waiting.reason(),
                waiting.restartAt(),
                waiting.restarts() + 1);
        supervisor.resume(agent);
    }

    private void recall(FailedRecord failed) {
        Optional<AgentDescriptor> descriptor = descriptor(failed.name(), "had failed");
        if (descriptor.isEmpty()) {
            return;
        }
        registry.put(ManagedAgent.ended(
                descriptor.get(),
                failed.id(),
                failed.port(),
                failed.startedAt(),
                failed.restarts(),
                ResourcesSnapshot.NONE,
                failed.reason(),
                failed.exitCode()));
        log.info(
                "Agent {} had failed when the previous manager ended ({}); it stays FAILED until it is launched again",
                failed.name(),
                failed.reason());
    }

    /** The agent's descriptor, unless a process of it was taken over or the descriptor cannot be used any more. */
    private Optional<AgentDescriptor> descriptor(String name, String what) {
        if (registry.find(name).isPresent()) {
            log.warn("Agent {} {}, but a process of it runs and was taken over; leaving it at that", name, what);
            return Optional.empty();
        }
        try {
            return Optional.of(catalog.find(name));
        } catch (RuntimeServiceException e) {
            log.warn(
                    "Agent {} {}, but its descriptor cannot be used any more ({}); forgetting it",
                    name,
                    what,
                    e.getMessage());
            return Optional.empty();
        }
    }
}
