package dev.runtimeservice.agent.vfs.store;

import dev.runtimeservice.agent.vfs.error.WrongTypeException;
import dev.runtimeservice.agent.vfs.path.VirtualPath;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reading operations (stat, list, open) and mkdir over the sandboxed tree. */
public final class FileStore {

    private final Tree tree;

    /**
     * Creates the store.
     *
     * @param tree the sandboxed tree
     */
    public FileStore(Tree tree) {
        this.tree = tree;
    }

    /**
     * Describes a file or folder.
     *
     * @param path the virtual path
     * @return its entry
     */
    public Entry stat(VirtualPath path) {
        Resolved resolved = tree.resolve(path);
        return Tree.entry(resolved, Tree.existing(resolved));
    }

    /**
     * Lists a folder, sorted by name; the vfs root also shows the mounts.
     *
     * @param path the folder
     * @param offset how many entries to skip
     * @param limit the most entries to return
     * @return the page
     */
    public Page list(VirtualPath path, int offset, int limit) {
        Resolved resolved = tree.resolve(path);
        if (!Tree.existing(resolved).isDirectory()) {
            throw new WrongTypeException("'" + path + "' is a file, not a folder; read it with GET /fs/content?path="
                    + path + " or describe it with GET /fs/stat.");
        }
        List<Child> children = children(resolved);
        children.sort((a, b) -> a.path().name().compareTo(b.path().name()));
        List<Entry> entries = new ArrayList<>();
        int end = (int) Math.min((long) offset + limit, children.size());
        for (int i = offset; i < end; i++) {
            Child child = children.get(i);
            Tree.attributes(child.real(), child.mountRoot())
                    .ifPresent(attributes -> entries.add(Tree.entry(child.path(), child.volume(), attributes)));
        }
        return new Page(path.toString(), entries, offset, limit, children.size(), end < children.size() ? end : null);
    }

    /**
     * Opens a file for reading.
     *
     * @param path the virtual path of a file
     * @return the file's entry and real path
     */
    public ReadableFile file(VirtualPath path) {
        Resolved resolved = tree.resolve(path);
        BasicFileAttributes attributes = Tree.existing(resolved);
        if (attributes.isDirectory()) {
            throw new WrongTypeException(
                    "'" + path + "' is a folder, not a file; list it with GET /fs/list?path=" + path + ".");
        }
        if (!attributes.isRegularFile()) {
            throw new WrongTypeException("'" + path + "' is not a regular file; vfs reads regular files only.");
        }
        return new ReadableFile(Tree.entry(resolved, attributes), resolved.real());
    }

    /**
     * Creates a folder.
     *
     * @param path the folder
     * @param parents whether to create missing parent folders too
     * @return the folder, and whether it was created now
     */
    public Created mkdir(VirtualPath path, boolean parents) {
        Resolved resolved = tree.resolve(path);
        Optional<BasicFileAttributes> existing = Tree.attributes(resolved.real());
        if (existing.isPresent()) {
            return new Created(Tree.entry(resolved, requireFolder(resolved, existing.get())), false);
        }
        Tree.requireWritable(resolved);
        tree.requireParentFolder(resolved, parents);
        try {
            Files.createDirectory(resolved.real());
        } catch (FileAlreadyExistsException e) {
            return new Created(Tree.entry(resolved, requireFolder(resolved, Tree.existing(resolved))), false);
        } catch (IOException e) {
            throw Tree.failed("create folder", path, e);
        }
        return new Created(Tree.entry(resolved, Tree.existing(resolved)), true);
    }

    private static BasicFileAttributes requireFolder(Resolved resolved, BasicFileAttributes attributes) {
        if (!attributes.isDirectory()) {
            throw new WrongTypeException("'" + resolved.path() + "' exists and is a file; delete it first or "
                    + "choose another folder name.");
        }
        return attributes;
    }

    private List<Child> children(Resolved folder) {
        List<Child> children = new ArrayList<>();
        boolean vfsRoot = folder.path().isRoot();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(folder.real())) {
            for (Path real : stream) {
                String name = real.getFileName().toString().replace("/", "");
                boolean shadowed = vfsRoot && tree.volumes().mount(name).isPresent();
                if (!name.startsWith(VirtualPath.RESERVED_PREFIX) && !name.isEmpty() && !shadowed) {
                    children.add(new Child(folder.path().child(name), folder.volume(), real, false));
                }
            }
        } catch (IOException e) {
            throw Tree.failed("list", folder.path(), e);
        }
        if (vfsRoot) {
            tree.volumes()
                    .mounts()
                    .forEach(mount ->
                            children.add(new Child(VirtualPath.ROOT.child(mount.name()), mount, mount.root(), true)));
        }
        return children;
    }

    /** A listed entry; links are shown as links, except a mount's root, which is followed. */
    private record Child(VirtualPath path, Volume volume, Path real, boolean mountRoot) {}

    /**
     * A file ready to be read.
     *
     * @param entry what the file is
     * @param real where it is
     */
    public record ReadableFile(Entry entry, Path real) {}

    /**
     * The result of a mkdir or a write.
     *
     * @param entry the folder or file
     * @param created whether it did not exist before
     */
    public record Created(Entry entry, boolean created) {}
}
