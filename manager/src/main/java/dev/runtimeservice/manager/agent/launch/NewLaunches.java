package dev.runtimeservice.manager.agent.launch;

import dev.runtimeservice.manager.agent.AgentRegistry;
import dev.runtimeservice.manager.agent.ManagedAgent;
import dev.runtimeservice.manager.agent.catalog.AgentCatalog;
import dev.runtimeservice.manager.agent.catalog.AgentDescriptor;
import dev.runtimeservice.manager.agent.standby.Standby;
import dev.runtimeservice.manager.agent.standby.StandbyPool;
import dev.runtimeservice.manager.port.PortPool;
import dev.runtimeservice.manager.process.AgentHost;
import dev.runtimeservice.manager.resources.ResourcesSnapshot;
import java.time.Clock;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Opens a new launch of an agent: gives it a port, its warm standby if one fits, its id and token, and makes it the
 * agent's current launch, with its secrets masked from now on.
 */
@Component
class NewLaunches {

    private final AgentHost host;
    private final AgentCatalog catalog;
    private final PortPool ports;
    private final StandbyPool standbys;
    private final LaunchResources resources;
    private final AgentRegistry registry;
    private final Clock clock;

    NewLaunches(
            AgentCatalog catalog,
            PortPool ports,
            StandbyPool standbys,
            LaunchResources resources,
            AgentRegistry registry,
            Clock clock,
            AgentHost host) {
        this.clock = clock;
        this.host = host;
        this.catalog = catalog;
        this.ports = ports;
        this.standbys = standbys;
        this.resources = resources;
        this.registry = registry;
    }

    /** A launch just opened, and the warm standby it starts from, if any. */
    record NewLaunch(ManagedAgent agent, @Nullable Standby standby) {}

    NewLaunch open(
            AgentDescriptor descriptor,
            ResourcesSnapshot resourceValues,
            int restarts,
            @Nullable String restartedAfter) {
        int port = ports.acquire(descriptor.name(), descriptor.port(), catalog.reservedPorts());
        return standbys.take(descriptor, port, taken -> {
            Standby standby = taken.orElse(null);
            // A standby was started with the id and token of the launch it becomes.
            String id = standby == null ? LaunchIds.newId() : standby.launch().id();
            String token =
                    standby == null ? LaunchIds.newToken() : standby.launch().token();
            ManagedAgent agent = new ManagedAgent(
                    descriptor,
                    id,
                    port,
                    host.agentAddress(descriptor.name()),
                    token,
                    resourceValues,
                    restarts,
                    restartedAfter,
                    clock.instant());
            registry.put(agent);
            resources.register(agent.id(), resourceValues);
            return new NewLaunch(agent, standby);
        });
    }

    /** Whether a launch brings no resources or those the running agent has, so that it need not restart. */
    boolean sameResources(ManagedAgent running, ResourcesSnapshot resourceValues) {
        return resourceValues.isEmpty()
                || resourceValues.fingerprint().equals(running.resources().fingerprint());
    }

    /** Writes the launch's resources file. */
    void writeResources(ManagedAgent agent) {
        resources.write(agent);
    }
}
