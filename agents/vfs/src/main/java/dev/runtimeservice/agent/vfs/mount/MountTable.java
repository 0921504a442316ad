package dev.runtimeservice.agent.vfs.mount;

import dev.runtimeservice.agent.sdk.resources.AgentResources;
import dev.runtimeservice.agent.sdk.resources.ResourceUse;
import dev.runtimeservice.agent.vfs.store.Volume;
import java.nio.file.FileSystem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * The mounts declared in the {@value #RESOURCE} resource, each opened or skipped with a reason:
 * {@code {"mounts": {"docs": {"type": "folder", "path": "/abs/docs", "mode": "ro"},
 * "archive": {"type": "zip", "path": "/abs/x.zip"}}}}.
 */
public final class MountTable {

    /** The name of the resource that declares mounts. */
    public static final String RESOURCE = "mounts";

    private static final Logger log = LoggerFactory.getLogger(MountTable.class);

    private final List<Volume> volumes = new ArrayList<>();
    private final List<FileSystem> fileSystems = new ArrayList<>();
    private final List<String> skipped = new ArrayList<>();
    private final boolean declared;

    private MountTable(boolean declared) {
        this.declared = declared;
    }

    /**
     * Opens the mounts the resources declare.
     *
     * @param resources the agent's resources
     * @return the table; empty when there is no {@value #RESOURCE} resource
     */
    public static MountTable open(AgentResources resources) {
        JsonNode mounts = resources.find(RESOURCE).orElse(null);
        MountTable table = new MountTable(mounts != null);
        if (mounts == null) {
            return table;
        }
        if (!mounts.isObject()) {
            table.skipped.add("it must be an object of named mounts, such as {\"docs\": {\"type\": \"folder\", "
                    + "\"path\": \"/abs/docs\", \"mode\": \"ro\"}}");
            return table;
        }
        for (Map.Entry<String, JsonNode> entry : mounts.properties()) {
            table.add(entry.getKey(), entry.getValue());
        }
        return table;
    }

    private void add(String name, JsonNode spec) {
        try {
            MountSpec mount = MountSpec.parse(name, spec);
            volumes.add(mount.open(fileSystems));
            log.info("Mounted {} ({})", name, mount.describe());
        } catch (MountSpec.InvalidMountException e) {
            skipped.add("mount '" + MountSpec.printableName(name) + "' skipped: " + e.getMessage());
            log.warn("Mount '{}' skipped: {}", MountSpec.printableName(name), e.getMessage());
        }
    }

    /**
     * Returns the mounts that opened.
     *
     * @return the volumes, in declaration order
     */
    public List<Volume> volumes() {
        return List.copyOf(volumes);
    }

    /**
     * Returns the zip file systems opened for the mounts, to close at shutdown.
     *
     * @return the file systems
     */
    public List<FileSystem> fileSystems() {
        return List.copyOf(fileSystems);
    }

    /**
     * Says whether vfs uses the resource, naming the mounts and why any were skipped (never paths).
     *
     * @return the answer for {@code /status}
     */
    public ResourceUse use() {
        String mounted = volumes.stream()
                .map(volume -> "'%s' (%s, %s)"
                        .formatted(
                                volume.name(),
                                volume.kind().name().toLowerCase(java.util.Locale.ROOT),
                                volume.readOnly() ? "read-only" : "read-write"))
                .collect(Collectors.joining(", "));
        String problems = String.join("; ", skipped);
        if (volumes.isEmpty()) {
            return ResourceUse.unused(
                    declared && !problems.isEmpty() ? "no mount could be used: " + problems : "it declares no mounts");
        }
        return ResourceUse.used(
                "mounted as top-level folders: " + mounted + (problems.isEmpty() ? "" : "; " + problems));
    }
}
