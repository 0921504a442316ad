package dev.runtimeservice.testkit;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.jspecify.annotations.Nullable;

/**
 * An OS lock on a file, held until closed. The OS drops it when the JVM ends, even by SIGKILL, so a lock file whose
 * lock is free is one nobody uses any more. The file itself stays (empty): deleting it would let a JVM that opened
 * it a moment before lock a file that no longer has a name while a third one creates another.
 */
final class HeldLock implements AutoCloseable {

    private final FileChannel channel;
    private final FileLock lock;

    private HeldLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** The lock on {@code file}, or null when another JVM (or this one, or another user) holds it. */
    static @Nullable HeldLock tryHold(Path file) throws IOException {
        FileChannel channel;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        } catch (AccessDeniedException e) {
            return null; // another user's run made it: theirs while they hold it
        }
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null; // this JVM holds it already, for another manager
        }
        if (lock == null) {
            channel.close();
            return null;
        }
        return new HeldLock(channel, lock);
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            // The OS drops the lock with the channel anyway.
        }
    }
}
