package dev.runtimeservice.manager.agent.takeover;

import dev.runtimeservice.manager.agent.AgentRegistry;
import dev.runtimeservice.manager.agent.catalog.AgentCatalog;
import dev.runtimeservice.manager.agent.launch.LaunchPlanner;
import dev.runtimeservice.manager.agent.launch.LaunchResources;
import dev.runtimeservice.manager.process.AgentHost;
import dev.runtimeservice.manager.process.AgentProcess;
import dev.runtimeservice.manager.state.LiveAgents.LiveAgent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What launches of an earlier manager left behind and nobody takes over: their output FIFOs, their resources files,
 * and processes that cannot be taken over, which are stopped so that no agent runs twice or unmanaged.
 */
@Component
class Leftovers {

    private static final Logger log = LoggerFactory.getLogger(Leftovers.class);

    private final AgentHost host;
    private final AgentCatalog catalog;
    private final LaunchResources resources;
    private final LaunchPlanner planner;
    private final AgentRegistry registry;

    Leftovers(
            AgentHost host,
            AgentCatalog catalog,
            LaunchResources resources,
            LaunchPlanner planner,
            AgentRegistry registry) {
        this.host = host;
        this.catalog = catalog;
        this.resources = resources;
        this.planner = planner;
        this.registry = registry;
    }

    /** Frees what a launch that no longer runs left behind: its FIFO, and its resources file if still its own. */
    void forget(String name, String id) {
        try {
            Files.deleteIfExists(planner.outputOf(name, id));
            catalog.find(List.of(name)).stream()
                    .filter(descriptor -> resources.read(descriptor, id).isPresent())
                    .forEach(resources::delete);
        } catch (IOException | RuntimeException e) {
            log.debug("Could not clean up after agent {} launch {}", name, id, e);
        }
    }

    /** Stops an agent process that cannot be taken over, so that no agent runs twice or unmanaged. */
    void refuse(LiveAgent found, AgentProcess process, String why) {
        log.warn("Stopping agent {} (pid {}) instead of taking it over: {}", found.name(), found.pid(), why);
        host.stop(process, null, found.token(), planner.shutdownTimeout());
        try {
            process.deleteOutput();
        } catch (IOException e) {
            log.debug("Could not delete the output FIFO of pid {}", found.pid(), e);
        }
    }

    /**
     * Deletes the output FIFOs that no agent taken over writes to: those of launches that ended while no manager
     * ran, and of warm standbys, which end with the manager. Nothing would open them again.
     */
    void deleteStrayOutputs() {
        Set<Path> kept = registry.all().stream()
                .filter(agent -> agent.process().isPresent())
                .map(agent -> planner.outputOf(agent.name(), agent.id()))
                .collect(Collectors.toSet());
        try (Stream<Path> files = Files.list(planner.stateDirectory())) {
            files.filter(file -> file.getFileName().toString().endsWith(".out"))
                    .filter(file -> !kept.contains(file))
                    .forEach(file -> {
                        try {
                            Files.deleteIfExists(file);
                        } catch (IOException e) {
                            log.debug("Could not delete {}", file, e);
                        }
                    });
        } catch (IOException e) {
            log.debug("Could not list {}", planner.stateDirectory(), e);
        }
    }
}
