package dev.runtimeservice.testkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * The agent ports of one test run's manager, held under an OS lock in a folder the whole machine shares (the
 * system's temporary folder), for as long as the run uses them. Slots belong to a work folder, and two projects (or
 * two checkouts) test in different ones: if ports went by slot, their first runs would share a range, and their
 * managers race for its ports (a launch then fails with 409). The OS drops the lock when the JVM ends, even by
 * SIGKILL.
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

    /** The first range no running test JVM on this machine holds. */
    static PortRange acquire() {
        return acquire(Path.of(System.getProperty("java.io.tmpdir"), "runtime-service-testkit-ports"));
    }

    static PortRange acquire(Path locks) {
        try {
            Files.createDirectories(locks);
            for (int number = 0; number < RANGES; number++) {
                PortRange range = tryAcquire(locks, number);
                if (range != null) {
                    return range;
                }
            }
        } catch (IOException e) {
            throw new TestkitException("Cannot lock a port range in " + locks + ": " + e.getMessage(), e);
        }
        throw new TestkitException(RANGES + " test runs on this machine already hold the test kit's port ranges ("
                + PORT_BASE + "-" + (PORT_BASE + RANGES * PORTS_PER_RANGE - 1) + ", locks in " + locks
                + "): stop some runs");
    }

    private static @Nullable PortRange tryAcquire(Path locks, int number) throws IOException {
        HeldLock lock = HeldLock.tryHold(locks.resolve("ports-" + number + ".lock"));
        return lock == null ? null : new PortRange(number, lock);
    }

    int firstPort() {
        return PORT_BASE + number * PORTS_PER_RANGE;
    }

    int lastPort() {
        return firstPort() + PORTS_PER_RANGE - 1;
    }

    @Override
    public void close() {
        lock.close();
    }
}
