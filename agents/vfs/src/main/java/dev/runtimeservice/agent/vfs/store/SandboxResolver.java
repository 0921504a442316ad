package dev.runtimeservice.agent.vfs.store;

import dev.runtimeservice.agent.vfs.error.BadPathException;
import dev.runtimeservice.agent.vfs.path.VirtualPath;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * Turns checked virtual paths into real paths inside their volume, refusing any symbolic link on
 * the way whose target is missing or lies outside the volume's root.
 */
public final class SandboxResolver {

    private final Volumes volumes;

    /**
     * Creates the resolver.
     *
     * @param volumes the data root and the mounts
     */
    public SandboxResolver(Volumes volumes) {
        this.volumes = volumes;
    }

    /**
     * Returns the volumes this resolver serves.
     *
     * @return the volumes
     */
    public Volumes volumes() {
        return volumes;
    }

    /**
     * Resolves a virtual path.
     *
     * @param path a parsed virtual path
     * @return the real path, inside its volume
     * @throws BadPathException when a symbolic link on the way is dangling or leads outside
     */
    public Resolved resolve(VirtualPath path) {
        List<String> names = path.names();
        Volume volume =
                names.isEmpty() ? volumes.data() : volumes.mount(names.get(0)).orElse(volumes.data());
        List<String> inside = volume == volumes.data() ? names : names.subList(1, names.size());
        Path real = volume.root();
        try {
            for (String name : inside) {
                real = real.resolve(name);
                if (volume.mayHoldLinks()) {
                    checkLink(path, volume, real);
                }
            }
        } catch (InvalidPathException e) {
            throw new BadPathException("Path '" + path + "' holds a name this host cannot store; rename it.");
        }
        return new Resolved(path, volume, real, inside.isEmpty());
    }

    private static void checkLink(VirtualPath path, Volume volume, Path real) {
        if (!Files.isSymbolicLink(real)) {
            return;
        }
        Path target;
        try {
            target = real.toRealPath();
        } catch (NoSuchFileException e) {
            throw new BadPathException("Path '" + path + "' goes through a symbolic link whose target does not "
                    + "exist; vfs does not follow it. Use a path without that link.");
        } catch (IOException e) {
            throw new BadPathException("Path '" + path + "' goes through a symbolic link vfs cannot check; "
                    + "use a path without that link.");
        }
        if (!target.startsWith(volume.root())) {
            throw new BadPathException("Path '" + path + "' goes through a symbolic link that points outside the "
                    + "vfs root; vfs does not follow it. Use a path without that link.");
        }
    }

    /**
     * Tells whether a real path exists, without following a final symbolic link.
     *
     * @param real a resolved real path
     * @return whether something is there
     */
    static boolean exists(Path real) {
        return Files.exists(real, LinkOption.NOFOLLOW_LINKS);
    }
}
