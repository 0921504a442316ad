package dev.runtimeservice.testkit;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A manager that a killed test run left running on its slot's state folder. The manager holds an OS lock on {@code
 * manager.lock} there (with its pid in it) for as long as it lives, so a lock that cannot be taken names a live
 * manager; it is stopped with SIGTERM, which stops its agents. Agents whose manager died too are not its business:
 * the next manager started on the folder takes them over (see the runtime's README, "When the manager itself dies").
 */
final class LeftoverManager {

    private LeftoverManager() {}

    /** Stops the manager that still holds the state folder, if one does. */
    static void stopIn(Path state) {
        find(state.resolve("manager.lock")).ifPresent(LeftoverManager::stop);
    }

    private static Optional<ProcessHandle> find(Path lockFile) {
        if (!Files.isRegularFile(lockFile)) {
            return Optional.empty();
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock != null) {
                lock.release();
                return Optional.empty();
            }
            String pid = Files.readString(lockFile).trim();
            return pid.matches("\\d+") ? ProcessHandle.of(Long.parseLong(pid)) : Optional.empty();
        } catch (IOException e) {
            throw new TestkitException(
                    "Cannot read " + lockFile + ", left by an earlier test run: " + e.getMessage()
                            + "; stop the manager that runs there, or delete the folder",
                    e);
        }
    }

    private static void stop(ProcessHandle manager) {
        try {
            manager.destroy();
            manager.onExit().get(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TestkitException("Interrupted while stopping an earlier run's manager", e);
        } catch (Exception e) {
            manager.destroyForcibly();
        }
    }
}
