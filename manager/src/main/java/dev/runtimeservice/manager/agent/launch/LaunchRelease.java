package dev.runtimeservice.manager.agent.launch;

import dev.runtimeservice.manager.agent.AgentRegistry;
import dev.runtimeservice.manager.agent.AgentState;
import dev.runtimeservice.manager.agent.ManagedAgent;
import dev.runtimeservice.manager.faststart.FastStartCache;
import dev.runtimeservice.manager.port.PortPool;
import dev.runtimeservice.manager.process.AgentHost;
import dev.runtimeservice.manager.process.AgentProcess;
import java.io.IOException;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Frees what one launch held once its process is gone: port, resources file (unless the agent waits for its restart),
 * secrets, fast-start archive, its CPU sample and its output FIFO; the state file then no longer lists its process.
 */
@Component
class LaunchRelease {

    private static final Logger log = LoggerFactory.getLogger(LaunchRelease.class);
    private static final int SIGKILL_EXIT = 137;

    private final PortPool ports;
    private final LaunchResources resources;
    private final FastStartCache fastStart;
    private final AgentHost host;
    private final AgentRegistry registry;

    LaunchRelease(
            PortPool ports,
            LaunchResources resources,
            FastStartCache fastStart,
            AgentHost host,
            AgentRegistry registry) {
        this.ports = ports;
        this.resources = resources;
        this.fastStart = fastStart;
        this.host = host;
        this.registry = registry;
    }

    /** Drains the launch's output first, while its secrets can still be masked, then frees the rest. */
    void release(ManagedAgent agent) {
        agent.process().ifPresent(process -> process.awaitOutput(LogTail.OUTPUT_DRAIN));
        // SIGKILL may have cut the archive half-way; any other end of the JVM wrote it whole.
        agent.fastStart()
                .ifPresent(fast -> fastStart.afterExit(
                        fast,
                        agent.process()
                                .filter(process -> !process.isAlive())
                                .map(process -> !Objects.equals(process.onExit().join(), SIGKILL_EXIT))
                                .orElse(false)));
        agent.process().filter(process -> !process.isAlive()).ifPresent(LaunchRelease::deleteOutput);
        ports.release(agent.name(), agent.port());
        // An agent waiting for its restart keeps its resources file, so that a manager started meanwhile (this one
        // was killed) can restart it with them; the restart writes the file anew, a stop or a give-up deletes it.
        if (agent.state() != AgentState.BACKOFF) {
            try {
                resources.delete(agent.descriptor());
            } catch (RuntimeException e) {
                log.warn("{}", e.getMessage());
            }
        }
        resources.forget(agent.id());
        agent.process().ifPresent(host::forget);
        registry.persist();
    }

    private static void deleteOutput(AgentProcess process) {
        try {
            process.deleteOutput();
        } catch (IOException e) {
            log.warn("Could not delete the output FIFO of pid {}: {}", process.pid(), e.getMessage());
        }
    }
}
