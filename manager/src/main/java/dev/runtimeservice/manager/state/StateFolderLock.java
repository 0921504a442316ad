package dev.runtimeservice.manager.state;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Objects;
import java.util.Set;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * The manager's exclusive hold on its state folder: an OS lock on {@code manager.lock} in it, which holds the pid.
 * Every bean that reads or changes the folder ({@link StateFile}, {@link LiveAgents}) needs this one, so a second
 * manager on the same folder stops while it starts, before it takes over, stops or deletes anything. The OS drops
 * the lock when the process ends, even by SIGKILL, so a crash never leaves the folder locked.
 */
@Component
public class StateFolderLock implements DisposableBean {

    static final String NAME = "manager.lock";
    private static final boolean POSIX =
            FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;

    public StateFolderLock(StateProperties properties) {
        this.file = properties.directory().resolve(NAME);
        try {
            Files.createDirectories(file.getParent());
            ownerOnlyFolder(properties.directory());
            this.channel = FileChannel.open(
                    file,
                    Set.of(StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE),
                    ownerOnly());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the lock file " + file, e);
        }
        this.lock = acquire();
    }

    /**
     * The state folder holds the state file and the agents' output pipes: agents that run as users of their own must
     * not even list it (issue 22), so it is the manager's alone. A folder the manager does not own keeps its mode.
     */
    private static void ownerOnlyFolder(Path folder) {
        if (!POSIX) {
            return;
        }
        try {
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
        } catch (IOException e) {
            // Not the manager's folder: its files are owner-only all the same.
        }
    }

    private FileLock acquire() {
        FileLock acquired;
        try {
            acquired = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            // Another manager in this very JVM (a test's second application context) holds it.
            acquired = null;
        } catch (IOException e) {
            closeQuietly();
            throw new UncheckedIOException("Cannot lock " + file, e);
        }
        if (acquired == null) {
            String holder = holder();
            closeQuietly();
            throw new StateFolderInUseException(folder(), holder);
        }
        try {
            channel.truncate(0);
            byte[] pid = (ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII);
            channel.write(ByteBuffer.wrap(pid), 0);
            channel.force(true);
        } catch (IOException e) {
            // The lock holds without the pid; only the message a second manager gives is poorer.
        }
        return acquired;
    }

    /** The pid the holder wrote, or a question mark if it has not written it yet. */
    private String holder() {
        try {
            String pid = Files.readString(file, StandardCharsets.US_ASCII).strip();
            return pid.isEmpty() ? "?" : pid;
        } catch (IOException e) {
            return "?";
        }
    }

    /** The folder held, absolute. */
    public Path folder() {
        return Objects.requireNonNull(file.getParent());
    }

    @Override
    public void destroy() {
        try {
            lock.release();
        } catch (IOException e) {
            // Closing the channel below releases it as well.
        }
        closeQuietly();
    }

    private void closeQuietly() {
        try {
            channel.close();
        } catch (IOException e) {
            // Nothing else to release.
        }
    }

    private static FileAttribute<?>[] ownerOnly() {
        return POSIX
                ? new FileAttribute<?>[] {
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))
                }
                : new FileAttribute<?>[0];
    }
}
