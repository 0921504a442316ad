package dev.runtimeservice.manager.agent.launch;

import dev.runtimeservice.manager.agent.ManagedAgent;
import dev.runtimeservice.manager.agent.catalog.AgentDescriptor;
import dev.runtimeservice.manager.isolation.AgentUser;
import dev.runtimeservice.manager.process.AgentHost;
import dev.runtimeservice.manager.resources.ResourcesFiles;
import dev.runtimeservice.manager.resources.ResourcesFingerprint;
import dev.runtimeservice.manager.resources.ResourcesSnapshot;
import dev.runtimeservice.manager.resources.SecretRedactor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * A launch's resources: the snapshot of a request's (copy, fingerprint to tell whether a launch brings other resources,
 * and secret values), the file the agent reads them from, and the redactor that masks the secrets in every log line
 * while the launch lives. The file is written into the agent's catalog folder only where agents run on this machine;
 * a host that runs them elsewhere gets its content in the launch plan and hands it over itself, so that the manager
 * writes nothing into a catalog that may be read-only there (a ConfigMap on Kubernetes).
 */
@Component
public class LaunchResources {

    private final ResourcesFiles files;
    private final ResourcesFingerprint fingerprint;
    private final SecretRedactor redactor;
    private final AgentHost host;

    LaunchResources(ResourcesFiles files, ResourcesFingerprint fingerprint, SecretRedactor redactor, AgentHost host) {
        this.files = files;
        this.fingerprint = fingerprint;
        this.redactor = redactor;
        this.host = host;
    }

    /**
     * Copies and digests a request's resources: once per request, before any agent's lock is taken, so that a launch
     * of the same agent never waits while another copies its resources.
     */
    public ResourcesSnapshot snapshot(Map<String, Object> resources) {
        return ResourcesSnapshot.of(resources, fingerprint);
    }

    /** Masks the launch's secret values in logs from now on. */
    public void register(String launchId, ResourcesSnapshot resources) {
        redactor.register(launchId, resources);
    }

    /**
     * Writes the launch's resources file, which the agent reads at start; an agent that runs as its own user gets it
     * as its own (readable by it alone), also when it starts from a standby that was spawned before the file existed.
     * Nothing is written where agents do not run on this machine.
     */
    public void write(ManagedAgent agent) {
        if (!host.runsLocally()) {
            return;
        }
        files.write(
                agent.descriptor().resourcesFile(),
                agent.id(),
                agent.name(),
                agent.resources().values());
        AgentUser user = agent.descriptor().user();
        if (user != null && AgentUser.canSwitch()) {
            try {
                user.handOver(agent.descriptor().resourcesFile());
            } catch (IOException e) {
                throw new UncheckedIOException(
                        "Cannot give the resources file of agent " + agent.name() + " to user " + user.spec(), e);
            }
        }
    }

    /**
     * What the launch's resources file holds, for a host that hands it to the agent itself; nothing where agents run
     * on this machine, since they read the file {@link #write} made (no second copy of the secrets in the plan).
     */
    byte[] content(ManagedAgent agent) {
        return host.runsLocally()
                ? new byte[0]
                : files.content(agent.id(), agent.name(), agent.resources().values());
    }

    /** The resources a launch's file holds, if the file is still that launch's; none where no file is written. */
    public Optional<Map<String, Object>> read(AgentDescriptor descriptor, String launchId) {
        return host.runsLocally() ? files.read(descriptor.resourcesFile(), launchId) : Optional.empty();
    }

    /**
     * Where a manager that starts after this one finds a launch's resources once its agent has ended: the agent's
     * resources file where agents run on this machine; nowhere on a host that runs them elsewhere, whose copy a new
     * manager reads only for a launch that still runs ({@link AgentHost#resourcesFile}).
     */
    public Optional<Path> keptFor(AgentDescriptor descriptor) {
        return host.runsLocally() ? Optional.of(descriptor.resourcesFile()) : Optional.empty();
    }

    /** The resources of a launch's file as its host kept it ({@link AgentHost#resourcesFile}). */
    public Optional<Map<String, Object>> parse(byte[] file, String launchId) {
        return files.parse(file, launchId);
    }

    public void delete(AgentDescriptor descriptor) {
        if (host.runsLocally()) {
            files.delete(descriptor.resourcesFile());
        }
    }

    /** Stops masking an ended launch's secrets. */
    public void forget(String launchId) {
        redactor.forget(launchId);
    }
}
