package dev.runtimeservice.agent.vfs.store;

import dev.runtimeservice.agent.vfs.error.BadRequestException;
import dev.runtimeservice.agent.vfs.error.WrongTypeException;
import dev.runtimeservice.agent.vfs.path.VirtualPath;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/** Deletes files, links and, only when asked to recurse, folders; never follows a link while doing it. */
public final class Remover {

    private final Tree tree;
    private final Quota quota;

    /**
     * Creates the remover.
     *
     * @param tree the sandboxed tree
     * @param quota the data root's size limit, credited with what is deleted
     */
    public Remover(Tree tree, Quota quota) {
        this.tree = tree;
        this.quota = quota;
    }

    /**
     * Deletes a file, a link, or a folder with everything in it.
     *
     * @param path what to delete
     * @param recursive whether a folder may be deleted (with all it holds)
     * @param conditions If-Match for a file
     * @return what was deleted
     */
    public Deleted delete(VirtualPath path, boolean recursive, Preconditions conditions) {
        Resolved resolved = tree.resolve(path);
        if (resolved.volumeRoot()) {
            throw new BadRequestException(
                    path.isRoot()
                            ? "The vfs root cannot be deleted; delete what is in it."
                            : "'" + path
                                    + "' is a mount; it goes away when vfs is launched without it in its resources.");
        }
        Tree.requireWritable(resolved);
        BasicFileAttributes attributes =
                Tree.attributes(resolved.real(), false).orElseGet(() -> Tree.existing(resolved));
        if (attributes.isDirectory() && !recursive) {
            throw new WrongTypeException(
                    "'" + path + "' is a folder; pass recursive=true to delete it and " + "everything in it.");
        }
        Tally tally = new Tally();
        try (PathLocks.Held held = tree.locks().lock(resolved.real())) {
            if (attributes.isDirectory()) {
                Files.walkFileTree(resolved.real(), tally);
            } else {
                conditions.check(path, attributes.isRegularFile() ? Etags.of(attributes) : null);
                Files.delete(resolved.real());
                tally.file(attributes);
            }
        } catch (IOException e) {
            throw Tree.failed("delete", path, e);
        } finally {
            if (resolved.volume().counted()) {
                quota.release(tally.bytes);
            }
        }
        return new Deleted(path.toString(), tally.files, tally.folders, tally.bytes);
    }

    /** Deletes depth-first without following links, counting what goes. */
    private static final class Tally extends SimpleFileVisitor<Path> {

        private long files;
        private long folders;
        private long bytes;

        void file(BasicFileAttributes attributes) {
            files++;
            bytes += attributes.isRegularFile() ? attributes.size() : 0;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
            Files.delete(file);
            file(attributes);
            return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult postVisitDirectory(Path folder, IOException failure) throws IOException {
            if (failure != null) {
                throw failure;
            }
            Files.delete(folder);
            folders++;
            return FileVisitResult.CONTINUE;
        }
    }
}
