package dev.runtimeservice.manager.agent.takeover;

import dev.runtimeservice.manager.agent.AgentRegistry;
import dev.runtimeservice.manager.agent.AgentState;
import dev.runtimeservice.manager.agent.ManagedAgent;
import dev.runtimeservice.manager.agent.catalog.AgentCatalog;
import dev.runtimeservice.manager.agent.catalog.AgentDescriptor;
import dev.runtimeservice.manager.agent.launch.AgentLifecycle;
import dev.runtimeservice.manager.agent.launch.AgentSpawner;
import dev.runtimeservice.manager.agent.launch.LaunchResources;
import dev.runtimeservice.manager.error.RuntimeServiceException;
import dev.runtimeservice.manager.port.PortPool;
import dev.runtimeservice.manager.process.AgentHost;
import dev.runtimeservice.manager.process.AgentProcess;
import dev.runtimeservice.manager.process.Readiness;
import dev.runtimeservice.manager.resources.ResourcesSnapshot;
import dev.runtimeservice.manager.state.LiveAgents.LiveAgent;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Takes over one agent process an earlier manager left running, or refuses it: its descriptor must still be usable,
 * no other process of the agent may have been taken over, and its port must be free to claim. A process taken over
 * counts only once it answers its readiness path.
 */
@Component
class Adopter {

    private static final Logger log = LoggerFactory.getLogger(Adopter.class);

    private final AgentHost host;
    private final AgentCatalog catalog;
    private final AgentRegistry registry;
    private final PortPool ports;
    private final LaunchResources resources;
    private final AgentSpawner spawner;
    private final AgentLifecycle lifecycle;
    private final Leftovers leftovers;

    Adopter(
            AgentCatalog catalog,
            AgentRegistry registry,
            PortPool ports,
            LaunchResources resources,
            AgentSpawner spawner,
            AgentLifecycle lifecycle,
            Leftovers leftovers,
            AgentHost host) {
        this.host = host;
        this.catalog = catalog;
        this.registry = registry;
        this.ports = ports;
        this.resources = resources;
        this.spawner = spawner;
        this.lifecycle = lifecycle;
        this.leftovers = leftovers;
    }

    Optional<ManagedAgent> adopt(LiveAgent found, int restarts) {
        Optional<AgentProcess> process = spawner.adopt(found);
        if (process.isEmpty()) {
            log.info("Agent {} (pid {}) ended while it was being taken over; forgetting it", found.name(), found.pid());
            leftovers.forget(found.name(), found.id());
            return Optional.empty();
        }
        AgentDescriptor descriptor;
        try {
            descriptor = catalog.find(found.name());
        } catch (RuntimeServiceException e) {
            return refuse(found, process.get(), "its descriptor cannot be used any more: " + e.getMessage());
        }
        if (registry.find(found.name()).isPresent()) {
            return refuse(found, process.get(), "another process of the same agent was taken over already");
        }
        if (!ports.claim(found.name(), found.port())) {
            return refuse(found, process.get(), "its port " + found.port() + " is given to another agent");
        }
        // The manager's own file, else the host's copy (a Kubernetes Secret), so that a restart keeps them.
        ResourcesSnapshot values = resources.snapshot(resources
                .read(descriptor, found.id())
                .or(() -> host.resourcesFile(found).flatMap(file -> resources.parse(file, found.id())))
                .orElse(Map.of()));
        resources.register(found.id(), values);
        ManagedAgent agent = new ManagedAgent(
                descriptor,
                found.id(),
                found.port(),
                host.agentAddress(found.name()),
                found.token(),
                values,
                restarts,
                null,
                found.start());
        registry.put(agent);
        spawner.attachAdopted(agent, process.get());
        return Optional.of(agent);
    }

    private Optional<ManagedAgent> refuse(LiveAgent found, AgentProcess process, String why) {
        leftovers.refuse(found, process, why);
        return Optional.empty();
    }

    /** Waits until the agent taken over answers its readiness path; if it does not, it is stopped and forgotten. */
    boolean becameReady(ManagedAgent agent) {
        AgentProcess process = agent.process().orElseThrow();
        Readiness readiness = spawner.awaitAdopted(agent, process);
        if (readiness.outcome() == Readiness.Outcome.READY && agent.moveTo(AgentState.RUNNING)) {
            return true;
        }
        log.warn(
                "Agent {} (pid {}) taken over from the previous manager {}; stopping and forgetting it",
                agent.name(),
                process.pid(),
                switch (readiness.outcome()) {
                    case EXITED -> "ended";
                    case PORT_TAKEN -> "no longer listens on its port " + agent.port() + ", which another process took";
                    case READY, TIMED_OUT -> "was not ready: " + spawner.notReady(agent, process);
                });
        lifecycle.stop(agent.name(), agent);
        return false;
    }
}
