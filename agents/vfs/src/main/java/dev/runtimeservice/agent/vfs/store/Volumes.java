package dev.runtimeservice.agent.vfs.store;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.FileSystem;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The data root and the mounts by name; closes the zip file systems of zip mounts at shutdown. */
public final class Volumes implements Closeable {

    private static final Logger log = LoggerFactory.getLogger(Volumes.class);

    private final Volume data;
    private final Map<String, Volume> mounts = new LinkedHashMap<>();
    private final List<FileSystem> openFileSystems;

    /**
     * Creates the volumes.
     *
     * @param data the data root
     * @param mounts the mounts, each with a distinct name
     * @param openFileSystems file systems to close at shutdown (those of zip mounts)
     */
    public Volumes(Volume data, List<Volume> mounts, List<FileSystem> openFileSystems) {
        this.data = data;
        mounts.forEach(mount -> this.mounts.put(mount.name(), mount));
        this.openFileSystems = List.copyOf(openFileSystems);
    }

    /**
     * Returns the data root.
     *
     * @return the volume of the agent's own files
     */
    public Volume data() {
        return data;
    }

    /**
     * Finds a mount by name.
     *
     * @param name the top-level name
     * @return the mount, or empty when no mount has that name
     */
    public Optional<Volume> mount(String name) {
        return Optional.ofNullable(mounts.get(name));
    }

    /**
     * Returns the mounts in the order they were declared.
     *
     * @return the mounts
     */
    public Collection<Volume> mounts() {
        return mounts.values();
    }

    @Override
    public void close() {
        for (FileSystem fileSystem : openFileSystems) {
            try {
                fileSystem.close();
            } catch (IOException e) {
                log.warn("Could not close a zip mount: {}", e.getClass().getSimpleName());
            }
        }
    }
}
