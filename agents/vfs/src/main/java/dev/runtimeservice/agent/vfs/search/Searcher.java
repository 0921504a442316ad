package dev.runtimeservice.agent.vfs.search;

import dev.runtimeservice.agent.vfs.error.BadRequestException;
import dev.runtimeservice.agent.vfs.error.EntryNotFoundException;
import dev.runtimeservice.agent.vfs.error.WrongTypeException;
import dev.runtimeservice.agent.vfs.path.VirtualPath;
import dev.runtimeservice.agent.vfs.store.Resolved;
import dev.runtimeservice.agent.vfs.store.SandboxResolver;
import dev.runtimeservice.agent.vfs.store.Volume;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.springframework.util.unit.DataSize;

/**
 * Searches a folder and everything below it by glob, by text content, or both; never follows a
 * symbolic link and never reads vfs's own temporary files.
 */
public final class Searcher {

    private final SandboxResolver resolver;
    private final DataSize maxTextFileSize;

    /**
     * Creates the searcher.
     *
     * @param resolver the sandbox
     * @param maxTextFileSize files larger than this are not read for text
     */
    public Searcher(SandboxResolver resolver, DataSize maxTextFileSize) {
        this.resolver = resolver;
        this.maxTextFileSize = maxTextFileSize;
    }

    /**
     * Searches.
     *
     * @param folder the folder to search below
     * @param glob the glob relative to that folder, or {@code null}
     * @param text the text to find in files, or {@code null}
     * @param caseSensitive whether the text must match case
     * @param limit the most hits to return
     * @return the hits
     */
    public SearchResult search(
            VirtualPath folder, @Nullable String glob, @Nullable String text, boolean caseSensitive, int limit) {
        if ((glob == null || glob.isEmpty()) && (text == null || text.isEmpty())) {
            throw new BadRequestException("Give a glob (glob=**/*.md), a text (text=hello), or both.");
        }
        Resolved start = resolver.resolve(folder);
        if (!Files.exists(start.real())) {
            throw new EntryNotFoundException(
                    "No folder '" + folder + "' to search; list its parent to see what is " + "there.");
        }
        if (!Files.isDirectory(start.real())) {
            throw new WrongTypeException("'" + folder + "' is a file; search a folder, such as its parent.");
        }
        Walk walk = new Walk(
                folder,
                glob == null || glob.isEmpty() ? null : Glob.compile(glob),
                text == null || text.isEmpty() ? null : new TextMatcher(text, caseSensitive),
                limit,
                maxTextFileSize.toBytes());
        try {
            walkVolume(walk, start);
            if (folder.isRoot()) {
                for (Volume mount : resolver.volumes().mounts()) {
                    walkVolume(walk, resolver.resolve(VirtualPath.ROOT.child(mount.name())));
                }
            }
        } catch (Walk.LimitReached e) {
            return walk.result(glob, text, true);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Could not search '" + folder + "' (" + e.getClass().getSimpleName() + ")",
                    new IOException(e.getClass().getSimpleName()));
        }
        return walk.result(glob, text, false);
    }

    private void walkVolume(Walk walk, Resolved start) throws IOException {
        Path root = start.real();
        walk.begin(start.path(), root, start.path().isRoot() ? this::isMountName : name -> false);
        Files.walkFileTree(root, walk);
    }

    private boolean isMountName(String name) {
        return resolver.volumes().mount(name).isPresent();
    }
}
