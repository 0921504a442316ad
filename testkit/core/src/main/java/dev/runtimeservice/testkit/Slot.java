package dev.runtimeservice.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * The folder of one test run's manager ({@code <work root>/<n>}: its catalog, state, logs), held under an OS lock on
 * {@code <n>.lock} for as long as the run uses it. The OS drops the lock when the JVM ends, even by SIGKILL, so a
 * slot whose lock is free but whose folder exists is what a killed run left: the next run takes it and cleans up.
 * Each slot holds a {@link PortRange} too, locked for the whole machine, so concurrent runs never race for a port,
 * even from different work folders.
 */
final class Slot implements AutoCloseable {

    static final int MAX_SLOTS = 20;

    private final int number;
    private final Path folder;
    private final HeldLock lock;
    private final boolean leftOver;
    private final PortRange ports;

    private Slot(int number, Path root, HeldLock lock, PortRange ports) {
        this.number = number;
        this.folder = root.resolve(Integer.toString(number));
        this.lock = lock;
        this.leftOver = Files.isDirectory(folder);
        this.ports = ports;
    }

    /** The first slot no running test JVM holds. */
    static Slot acquire(Path root) {
        try {
            Files.createDirectories(root);
            for (int number = 0; number < MAX_SLOTS; number++) {
                Slot slot = tryAcquire(root, number);
                if (slot != null) {
                    return slot;
                }
            }
        } catch (IOException e) {
            throw new TestkitException("Cannot create the test kit's work folder " + root + ": " + e.getMessage(), e);
        }
        throw new TestkitException(MAX_SLOTS + " test runs already hold a manager in " + root
                + ": stop some, or give this run another folder with -Druntime.testkit.work=<folder>");
    }

    private static @Nullable Slot tryAcquire(Path root, int number) throws IOException {
        HeldLock lock = HeldLock.tryHold(root.resolve(number + ".lock"));
        if (lock == null) {
            return null;
        }
        PortRange ports;
        try {
            ports = PortRange.acquire();
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
        return new Slot(number, root, lock, ports);
    }

    int number() {
        return number;
    }

    Path folder() {
        return folder;
    }

    /** Whether a run that ended without cleaning up (killed) left this slot's folder. */
    boolean leftOver() {
        return leftOver;
    }

    /** The first port of this slot's range, where its manager's agents get theirs. */
    int firstPort() {
        return ports.firstPort();
    }

    int lastPort() {
        return ports.lastPort();
    }

    /** Deletes the slot's folder and gives the slot up. */
    @Override
    public void close() {
        try {
            deleteTree(folder);
        } finally {
            ports.close();
            lock.close();
        }
    }

    static void deleteTree(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete " + folder, e);
        }
    }
}
