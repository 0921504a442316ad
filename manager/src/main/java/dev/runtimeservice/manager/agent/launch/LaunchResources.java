package dev.runtimeservice.manager.agent.launch;

import dev.runtimeservice.manager.agent.ManagedAgent;
import dev.runtimeservice.manager.agent.catalog.AgentDescriptor;
import dev.runtimeservice.manager.resources.ResourcesFiles;
import dev.runtimeservice.manager.resources.ResourcesFingerprint;
import dev.runtimeservice.manager.resources.SecretRedactor;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * A launch's resources: the file the agent reads them from, their fingerprint (to tell whether a launch brings other
 * resources) and their secret values, which the redactor masks in every log line while the launch lives.
 */
@Component
public class LaunchResources {

    private final ResourcesFiles files;
    private final ResourcesFingerprint fingerprint;
    private final SecretRedactor redactor;

    LaunchResources(ResourcesFiles files, ResourcesFingerprint fingerprint, SecretRedactor redactor) {
        this.files = files;
        this.fingerprint = fingerprint;
        this.redactor = redactor;
    }

    public String fingerprint(Map<String, Object> resources) {
        return fingerprint.of(resources);
    }

    /** Masks the launch's secret values in logs from now on. */
    public void register(String launchId, Map<String, Object> resources) {
        redactor.register(launchId, resources);
    }

    /** Writes the launch's resources file, which the agent reads at start. */
    public void write(ManagedAgent agent) {
        files.write(agent.descriptor().resourcesFile(), agent.id(), agent.name(), agent.resources());
    }

    /** The resources a launch's file holds, if the file is still that launch's. */
    public Optional<Map<String, Object>> read(AgentDescriptor descriptor, String launchId) {
        return files.read(descriptor.resourcesFile(), launchId);
    }

    public void delete(AgentDescriptor descriptor) {
        files.delete(descriptor.resourcesFile());
    }

    /** Stops masking an ended launch's secrets. */
    public void forget(String launchId) {
        redactor.forget(launchId);
    }
}
