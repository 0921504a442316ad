package dev.runtimeservice.testkit;

import dev.runtimeservice.common.net.Ports;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;

/**
 * The agent ports of one test run's manager, held under an OS lock in a folder the whole machine shares, for as long
 * as the run uses them. Slots belong to a work folder, and two projects (or two checkouts) test in different ones: if
 * ports went by slot, their first runs would share a range, and their managers race for its ports (a launch then
 * fails with 409). The OS drops the lock when the JVM ends, even by SIGKILL; a killed run's manager and agents may
 * outlive it, so a range one of whose ports is in use is not taken either.
 */
final class PortRange implements AutoCloseable {

    static final int RANGES = 20;
    private static final int PORT_BASE = 20000;
    private static final int PORTS_PER_RANGE = 500;

    private final int number;
    private final HeldLock lock;

    private PortRange(int number, HeldLock lock) {
        this.number = number;
        this.lock = lock;
    }

    /** The first range that no test JVM on this machine holds and whose ports are all free. */
    static PortRange acquire() {
        return acquire(machineWideLocks(), PortRange::inUse);
    }

    /**
     * {@code /tmp} where there is one, not {@code java.io.tmpdir}: builds often give their test JVMs a temporary
     * folder of their own (this project's does), and the JVMs they start, such as a manager's run, the default one.
     * Locks in two folders would let both take the same range.
     */
    static Path machineWideLocks() {
        File tmp = new File("/tmp");
        Path base = tmp.isDirectory() ? tmp.toPath() : Path.of(System.getProperty("java.io.tmpdir"));
        return base.resolve("runtime-service-testkit-ports");
    }

    static PortRange acquire(Path locks, IntPredicate portInUse) {
        int held = 0;
        try {
            shareWithEveryUser(Files.createDirectories(locks));
            for (int number = 0; number < RANGES; number++) {
                Path file = locks.resolve("ports-" + number + ".lock");
                HeldLock lock = HeldLock.tryHold(file);
                if (lock == null) {
                    held++;
                } else if (IntStream.rangeClosed(first(number), last(number)).anyMatch(portInUse)) {
                    lock.close();
                } else {
                    shareWithEveryUser(file);
                    return new PortRange(number, lock);
                }
            }
        } catch (IOException e) {
            throw new TestkitException("Cannot lock a port range in " + locks + ": " + e.getMessage(), e);
        }
        throw new TestkitException("None of the test kit's " + RANGES + " port ranges (" + PORT_BASE + "-"
                + last(RANGES - 1) + ") is free: test runs on this machine hold " + held + " (locks in " + locks
                + "), and the others have a port in use, such as a killed run's agents: stop some runs, or what"
                + " listens there");
    }

    /**
     * Ports belong to the whole machine, so the locks do too: the folder and its files are made writable by every
     * user (by the user who made them, the only one who may), or another user's runs would find every range held.
     */
    private static void shareWithEveryUser(Path path) throws IOException {
        if (!Files.getFileStore(path).supportsFileAttributeView(PosixFileAttributeView.class)) {
            return;
        }
        PosixFileAttributeView view = Files.getFileAttributeView(path, PosixFileAttributeView.class);
        Set<PosixFilePermission> wanted =
                PosixFilePermissions.fromString(Files.isDirectory(path) ? "rwxrwxrwx" : "rw-rw-rw-");
        PosixFileAttributes attributes = view.readAttributes();
        if (!attributes.permissions().equals(wanted)
                && attributes.owner().getName().equals(System.getProperty("user.name"))) {
            view.setPermissions(wanted);
        }
    }

    /** Whether something listens on {@code port}, on any address: a server could not bind it now. */
    private static boolean inUse(int port) {
        return !Ports.listenable(port);
    }

    private static int first(int number) {
        return PORT_BASE + number * PORTS_PER_RANGE;
    }

    private static int last(int number) {
        return first(number) + PORTS_PER_RANGE - 1;
    }

    int firstPort() {
        return first(number);
    }

    int lastPort() {
        return last(number);
    }

    @Override
    public void close() {
        lock.close();
    }
}
