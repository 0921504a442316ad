package dev.runtimeservice.agent.vfs.store;

import dev.runtimeservice.agent.vfs.error.FileTooLargeException;
import dev.runtimeservice.agent.vfs.error.WrongTypeException;
import dev.runtimeservice.agent.vfs.path.VirtualPath;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;
import java.util.UUID;
import org.springframework.util.unit.DataSize;

/**
 * Writes files atomically: the bytes go to a hidden temporary file beside the target, are forced to
 * disk, and the file is renamed over the target under the target's lock, so a reader or a crash sees
 * the old file or the new one, never part of one.
 */
public final class AtomicWriter {

    /** Prefix of the temporary files; {@link VirtualPath} refuses it and listings hide it. */
    public static final String TEMP_PREFIX = VirtualPath.RESERVED_PREFIX + "tmp-";

    private static final int BUFFER = 64 * 1024;

    private final Tree tree;
    private final Quota quota;
    private final DataSize maxFileSize;

    /**
     * Creates the writer.
     *
     * @param tree the sandboxed tree
     * @param quota the data root's size limit
     * @param maxFileSize the largest file accepted
     */
    public AtomicWriter(Tree tree, Quota quota, DataSize maxFileSize) {
        this.tree = tree;
        this.quota = quota;
        this.maxFileSize = maxFileSize;
    }

    /**
     * Creates or replaces a file.
     *
     * @param path the file
     * @param content the new content, read to its end
     * @param declaredLength the length the client announced, or -1 when unknown
     * @param conditions the If-Match / If-None-Match headers
     * @param parents whether to create missing parent folders
     * @return the file, and whether it did not exist before
     */
    public FileStore.Created write(
            VirtualPath path, InputStream content, long declaredLength, Preconditions conditions, boolean parents) {
        Resolved target = tree.resolve(path);
        checkTarget(target, conditions);
        if (declaredLength > maxFileSize.toBytes()) {
            throw tooLarge(path);
        }
        tree.requireParentFolder(target, parents);
        Path temp = target.real().resolveSibling(TEMP_PREFIX + UUID.randomUUID());
        boolean counted = target.volume().counted();
        try {
            long written = copy(path, content, temp, counted);
            boolean created;
            try {
                created = commit(target, temp, conditions);
            } catch (RuntimeException | IOException e) {
                if (counted) {
                    quota.release(written);
                }
                throw e;
            }
            return new FileStore.Created(Tree.entry(target, Tree.existing(target)), created);
        } catch (IOException e) {
            throw Tree.failed("write", path, e);
        } finally {
            // After a commit the temporary name is gone; otherwise this removes the partial file.
            deleteQuietly(temp);
        }
    }

    private static void checkTarget(Resolved target, Preconditions conditions) {
        Tree.requireWritable(target);
        Optional<BasicFileAttributes> before = Tree.attributes(target.real());
        if (before.isPresent() && before.get().isDirectory()) {
            throw new WrongTypeException("'" + target.path() + "' is a folder; write to a file inside it, such as '"
                    + target.path().child("file.txt") + "'.");
        }
        conditions.check(
                target.path(),
                before.filter(BasicFileAttributes::isRegularFile).map(Etags::of).orElse(null));
    }

    /** Copies the body to the temporary file, counting bytes against the limits; gives them back on failure. */
    private long copy(VirtualPath path, InputStream content, Path temp, boolean counted) throws IOException {
        long written = 0;
        byte[] buffer = new byte[BUFFER];
        try (FileChannel out = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            int read;
            while ((read = content.read(buffer)) != -1) {
                if (written + read > maxFileSize.toBytes()) {
                    throw tooLarge(path);
                }
                if (counted) {
                    quota.reserve(read);
                }
                written += read;
                ByteBuffer chunk = ByteBuffer.wrap(buffer, 0, read);
                while (chunk.hasRemaining()) {
                    out.write(chunk);
                }
            }
            out.force(true);
            return written;
        } catch (RuntimeException | IOException e) {
            if (counted) {
                quota.release(written);
            }
            throw e;
        }
    }

    private boolean commit(Resolved target, Path temp, Preconditions conditions) throws IOException {
        try (PathLocks.Held held = tree.locks().lock(target.real())) {
            Optional<BasicFileAttributes> current = Tree.attributes(target.real());
            conditions.check(
                    target.path(),
                    current.filter(BasicFileAttributes::isRegularFile)
                            .map(Etags::of)
                            .orElse(null));
            if (current.isPresent() && current.get().isDirectory()) {
                throw new WrongTypeException("'" + target.path() + "' became a folder while it was written; "
                        + "write to a file inside it.");
            }
            Files.move(temp, target.real(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            Durability.syncFolder(target.real().getParent());
            if (target.volume().counted()) {
                quota.release(current.map(BasicFileAttributes::size).orElse(0L));
            }
            return current.isEmpty();
        }
    }

    private FileTooLargeException tooLarge(VirtualPath path) {
        return new FileTooLargeException("'" + path + "' is larger than the per-file limit of "
                + Sizes.describe(maxFileSize) + "; split it or raise VFS_MAX_FILE_SIZE.");
    }

    private static void deleteQuietly(Path temp) {
        try {
            Files.deleteIfExists(temp);
        } catch (IOException e) {
            // A leftover temporary file stays hidden and is removed at the next start.
        }
    }
}
