package dev.runtimeservice.agent.vfs.store;

import dev.runtimeservice.agent.vfs.error.EntryNotFoundException;
import dev.runtimeservice.agent.vfs.error.ReadOnlyException;
import dev.runtimeservice.agent.vfs.error.WrongTypeException;
import dev.runtimeservice.agent.vfs.path.VirtualPath;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.MediaType;
import org.springframework.http.MediaTypeFactory;

/** The checks and look-ups every file operation shares: resolve, read attributes, refuse early. */
public final class Tree {

    /** Text formats Spring's media type table does not know. */
    private static final Map<String, MediaType> TEXT_TYPES = Map.of(
            "md",
            MediaType.parseMediaType("text/markdown"),
            "markdown",
            MediaType.parseMediaType("text/markdown"),
            "yml",
            MediaType.parseMediaType("application/yaml"),
            "yaml",
            MediaType.parseMediaType("application/yaml"),
            "log",
            MediaType.TEXT_PLAIN,
            "java",
            MediaType.TEXT_PLAIN,
            "py",
            MediaType.TEXT_PLAIN,
            "sh",
            MediaType.TEXT_PLAIN);

    private final SandboxResolver resolver;
    private final PathLocks locks = new PathLocks();

    /**
     * Creates the tree.
     *
     * @param resolver the sandbox
     */
    public Tree(SandboxResolver resolver) {
        this.resolver = resolver;
    }

    Resolved resolve(VirtualPath path) {
        return resolver.resolve(path);
    }

    Volumes volumes() {
        return resolver.volumes();
    }

    PathLocks locks() {
        return locks;
    }

    /** Reads attributes, following a final link (the resolver checked it stays inside). */
    static Optional<BasicFileAttributes> attributes(Path real) {
        return attributes(real, true);
    }

    static Optional<BasicFileAttributes> attributes(Path real, boolean follow) {
        try {
            return Optional.of(
                    follow
                            ? Files.readAttributes(real, BasicFileAttributes.class)
                            : Files.readAttributes(real, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    static BasicFileAttributes existing(Resolved resolved) {
        return attributes(resolved.real())
                .orElseThrow(() -> new EntryNotFoundException("No file or folder '" + resolved.path()
                        + "'; list its folder ('" + resolved.path().parent() + "') to see what is there."));
    }

    static void requireWritable(Resolved resolved) {
        if (resolved.volume().readOnly()) {
            throw new ReadOnlyException("'" + resolved.path() + "' is in the read-only mount '"
                    + resolved.volume().name() + "'; write somewhere outside it.");
        }
    }

    /** Checks that the folder for a new entry exists, creating it and its parents when asked. */
    void requireParentFolder(Resolved child, boolean create) {
        Resolved parent = resolve(child.path().parent());
        Optional<BasicFileAttributes> attributes = attributes(parent.real());
        if (attributes.isPresent() && attributes.get().isDirectory()) {
            return;
        }
        if (attributes.isPresent()) {
            throw new WrongTypeException("'" + parent.path() + "' is a file, not a folder; '" + child.path()
                    + "' cannot be created inside it.");
        }
        if (!create) {
            throw new EntryNotFoundException("Folder '" + parent.path() + "' does not exist; create it first "
                    + "(POST /fs/mkdir?path=" + parent.path() + "&parents=true) or pass parents=true.");
        }
        try {
            Files.createDirectories(parent.real());
        } catch (IOException e) {
            throw new WrongTypeException("Folder '" + parent.path() + "' cannot be created: a file is in the way "
                    + "or the folder is not writable; check its parents with GET /fs/stat.");
        }
    }

    static Entry entry(Resolved resolved, BasicFileAttributes attributes) {
        return entry(resolved.path(), resolved.volume(), attributes);
    }

    static Entry entry(VirtualPath path, Volume volume, BasicFileAttributes attributes) {
        EntryType type = EntryType.of(attributes);
        boolean file = type == EntryType.FILE;
        return new Entry(
                path.name(),
                path.toString(),
                type,
                type == EntryType.FOLDER ? 0 : attributes.size(),
                attributes.lastModifiedTime().toInstant(),
                file ? Etags.of(attributes) : null,
                file ? contentType(path.name()).toString() : null,
                volume.readOnly(),
                volume.mountName());
    }

    /**
     * Guesses a file's media type from its name.
     *
     * @param name the file name
     * @return the media type, {@code application/octet-stream} when unknown
     */
    public static MediaType contentType(String name) {
        int dot = name.lastIndexOf('.');
        MediaType text = dot < 0 ? null : TEXT_TYPES.get(name.substring(dot + 1).toLowerCase(Locale.ROOT));
        return text != null ? text : MediaTypeFactory.getMediaType(name).orElse(MediaType.APPLICATION_OCTET_STREAM);
    }

    static UncheckedIOException failed(String what, VirtualPath path, IOException e) {
        return new UncheckedIOException(
                "Could not " + what + " '" + path + "' (" + e.getClass().getSimpleName() + ")",
                new IOException(e.getClass().getSimpleName()));
    }
}
