package dev.runtimeservice.agent.vfs.store;

import dev.runtimeservice.agent.vfs.error.BadRequestException;
import dev.runtimeservice.agent.vfs.error.WrongTypeException;
import dev.runtimeservice.agent.vfs.path.VirtualPath;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;

/**
 * Moves and renames: an atomic rename inside one volume; between volumes, files only, as an atomic
 * write of a copy followed by the delete of the original.
 */
public final class Mover {

    private final Tree tree;
    private final AtomicWriter writer;
    private final Remover remover;

    /**
     * Creates the mover.
     *
     * @param tree the sandboxed tree
     * @param writer writes the copy when a file changes volume
     * @param remover deletes the original when a file changes volume
     */
    public Mover(Tree tree, AtomicWriter writer, Remover remover) {
        this.tree = tree;
        this.writer = writer;
        this.remover = remover;
    }

    /**
     * Moves a file or folder.
     *
     * @param fromPath what to move
     * @param toPath where it goes (its new full path, not the folder it goes into)
     * @param overwrite whether an existing file, or an empty folder, at {@code toPath} may be replaced
     * @return the moved entry at its new place
     */
    public Entry move(VirtualPath fromPath, VirtualPath toPath, boolean overwrite) {
        Resolved from = tree.resolve(fromPath);
        Resolved to = tree.resolve(toPath);
        if (from.volumeRoot() || to.volumeRoot()) {
            throw new BadRequestException(
                    "The vfs root and mount points cannot be moved or replaced; move what " + "is inside them.");
        }
        Tree.requireWritable(from);
        Tree.requireWritable(to);
        BasicFileAttributes source = Tree.attributes(from.real(), false).orElseGet(() -> Tree.existing(from));
        if (fromPath.equals(toPath)) {
            return Tree.entry(from, source);
        }
        if (source.isDirectory() && toPath.startsWith(fromPath)) {
            throw new WrongTypeException("'" + fromPath + "' cannot be moved into itself ('" + toPath + "').");
        }
        checkDestination(toPath, to, source, overwrite);
        tree.requireParentFolder(to, false);
        if (from.volume() != to.volume()) {
            return moveAcross(from, to, source);
        }
        try (PathLocks.Held held = tree.locks().lock(from.real(), to.real())) {
            Files.move(from.real(), to.real(), StandardCopyOption.ATOMIC_MOVE);
            Durability.syncFolder(to.real().getParent());
        } catch (IOException e) {
            throw Tree.failed("move", fromPath, e);
        }
        return Tree.entry(to, Tree.existing(to));
    }

    private static void checkDestination(
            VirtualPath toPath, Resolved to, BasicFileAttributes source, boolean overwrite) {
        Optional<BasicFileAttributes> target = Tree.attributes(to.real(), false);
        if (target.isEmpty()) {
            return;
        }
        if (!overwrite) {
            throw new WrongTypeException(
                    "'" + toPath + "' already exists; pass overwrite=true to replace it, or " + "choose another name.");
        }
        if (target.get().isDirectory() != source.isDirectory()) {
            throw new WrongTypeException(
                    "'" + toPath + "' is a " + (target.get().isDirectory() ? "folder" : "file")
                            + " and cannot be replaced by a " + (source.isDirectory() ? "folder" : "file") + ".");
        }
        if (target.get().isDirectory() && !isEmptyFolder(to)) {
            throw new WrongTypeException("'" + toPath + "' is a folder that is not empty; delete it first "
                    + "(recursive=true) or choose another name.");
        }
    }

    private static boolean isEmptyFolder(Resolved folder) {
        try (var entries = Files.list(folder.real())) {
            return entries.findAny().isEmpty();
        } catch (IOException e) {
            return false;
        }
    }

    private Entry moveAcross(Resolved from, Resolved to, BasicFileAttributes source) {
        if (!source.isRegularFile()) {
            throw new WrongTypeException("'" + from.path() + "' is a folder or a link and '" + to.path()
                    + "' is in another mount; move folders within one mount, or move their files one by one.");
        }
        FileStore.Created copy;
        try (InputStream content = Files.newInputStream(from.real())) {
            copy = writer.write(to.path(), content, source.size(), Preconditions.NONE, false);
        } catch (IOException e) {
            throw Tree.failed("move", from.path(), e);
        }
        remover.delete(from.path(), false, new Preconditions(Etags.of(source), null));
        return copy.entry();
    }
}
