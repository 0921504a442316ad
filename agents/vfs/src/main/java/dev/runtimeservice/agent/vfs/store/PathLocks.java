package dev.runtimeservice.agent.vfs.store;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Serialises the changes that land on one real path (striped locks, taken in a fixed order so that
 * a move, which locks two paths, never deadlocks).
 */
final class PathLocks {

    private static final int STRIPES = 64;

    private final ReentrantLock[] locks = new ReentrantLock[STRIPES];

    PathLocks() {
        Arrays.setAll(locks, i -> new ReentrantLock());
    }

    /** A held set of locks, released by {@link #close()}. */
    interface Held extends AutoCloseable {
        @Override
        void close();
    }

    Held lock(Path... paths) {
        int[] stripes = Arrays.stream(paths)
                .mapToInt(PathLocks::stripe)
                .distinct()
                .sorted()
                .toArray();
        for (int stripe : stripes) {
            locks[stripe].lock();
        }
        return () -> {
            for (int i = stripes.length - 1; i >= 0; i--) {
                locks[stripes[i]].unlock();
            }
        };
    }

    private static int stripe(Path path) {
        return Math.floorMod(path.toAbsolutePath().toString().hashCode(), STRIPES);
    }
}
