package dev.runtimeservice.agent.vfs.search;

import dev.runtimeservice.agent.vfs.path.VirtualPath;
import dev.runtimeservice.agent.vfs.store.EntryType;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/** One search's walk over one or more trees, collecting hits until the limit. */
final class Walk extends SimpleFileVisitor<Path> {

    /** Stops the walk once the limit is passed. */
    static final class LimitReached extends RuntimeException {

        private static final long serialVersionUID = 1L;

        LimitReached() {
            super(null, null, false, false);
        }
    }

    private final VirtualPath searched;
    private final @Nullable Glob glob;
    private final @Nullable TextMatcher text;
    private final int limit;
    private final long maxTextFileSize;
    private final List<SearchHit> hits = new ArrayList<>();
    private long skippedFiles;
    private VirtualPath base = VirtualPath.ROOT;
    private @Nullable Path root;
    private Predicate<String> hiddenTopLevel = name -> false;

    Walk(VirtualPath searched, @Nullable Glob glob, @Nullable TextMatcher text, int limit, long maxTextFileSize) {
        this.searched = searched;
        this.glob = glob;
        this.text = text;
        this.limit = limit;
        this.maxTextFileSize = maxTextFileSize;
    }

    void begin(VirtualPath treeBase, Path treeRoot, Predicate<String> hidden) {
        this.base = treeBase;
        this.root = treeRoot;
        this.hiddenTopLevel = hidden;
    }

    @Override
    public FileVisitResult preVisitDirectory(Path folder, BasicFileAttributes attributes) {
        if (folder.equals(root)) {
            return FileVisitResult.CONTINUE;
        }
        if (hidden(folder)) {
            return FileVisitResult.SKIP_SUBTREE;
        }
        if (text == null) {
            consider(folder, attributes, List.of());
        }
        return FileVisitResult.CONTINUE;
    }

    @Override
    public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
        if (hidden(file)) {
            return FileVisitResult.CONTINUE;
        }
        if (text == null) {
            consider(file, attributes, List.of());
        } else if (attributes.isRegularFile() && (glob == null || glob.matches(relative(file)))) {
            if (attributes.size() > maxTextFileSize) {
                skippedFiles++;
                return FileVisitResult.CONTINUE;
            }
            Optional<List<SearchHit.LineMatch>> matches = text.find(file);
            if (matches.isEmpty()) {
                skippedFiles++;
            } else if (!matches.get().isEmpty()) {
                add(file, attributes, matches.get());
            }
        }
        return FileVisitResult.CONTINUE;
    }

    @Override
    public FileVisitResult visitFileFailed(Path file, IOException failure) {
        return FileVisitResult.CONTINUE;
    }

    private boolean hidden(Path path) {
        String name = String.valueOf(path.getFileName()).replace("/", "");
        boolean topLevel = root != null && root.equals(path.getParent());
        return name.startsWith(VirtualPath.RESERVED_PREFIX) || (topLevel && hiddenTopLevel.test(name));
    }

    private void consider(Path path, BasicFileAttributes attributes, List<SearchHit.LineMatch> matches) {
        if (glob == null || glob.matches(relative(path))) {
            add(path, attributes, matches);
        }
    }

    private void add(Path path, BasicFileAttributes attributes, List<SearchHit.LineMatch> matches) {
        if (hits.size() == limit) {
            throw new LimitReached();
        }
        EntryType type = EntryType.of(attributes);
        hits.add(new SearchHit(
                virtual(path).toString(),
                type,
                type == EntryType.FOLDER ? 0 : attributes.size(),
                attributes.lastModifiedTime().toInstant(),
                matches));
    }

    /** The path relative to the searched folder, names joined by '/'. */
    private String relative(Path path) {
        VirtualPath virtual = virtual(path);
        return String.join(
                "/",
                virtual.names().subList(searched.names().size(), virtual.names().size()));
    }

    private VirtualPath virtual(Path path) {
        VirtualPath result = base;
        for (Path name : java.util.Objects.requireNonNull(root).relativize(path)) {
            result = result.child(name.toString().replace("/", ""));
        }
        return result;
    }

    SearchResult result(@Nullable String globText, @Nullable String textText, boolean truncated) {
        return new SearchResult(searched.toString(), globText, textText, List.copyOf(hits), truncated, skippedFiles);
    }
}
