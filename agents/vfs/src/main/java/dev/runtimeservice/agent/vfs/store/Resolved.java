package dev.runtimeservice.agent.vfs.store;

import dev.runtimeservice.agent.vfs.path.VirtualPath;
import java.nio.file.Path;

/**
 * A virtual path that passed the sandbox checks, with the real path it stands for.
 *
 * @param path the virtual path
 * @param volume the tree it lives in
 * @param real the real path, inside the volume's root
 * @param volumeRoot whether it is the root of its volume (the vfs root or a mount point)
 */
public record Resolved(VirtualPath path, Volume volume, Path real, boolean volumeRoot) {}
