package dev.runtimeservice.agent.vfs.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Walks a writable tree at start: removes the temporary files of writes a crash interrupted, and
 * adds up the size of what is there.
 */
public final class RootScan extends SimpleFileVisitor<Path> {

    private static final Logger log = LoggerFactory.getLogger(RootScan.class);

    private long bytes;
    private int removed;

    private RootScan() {}

    /**
     * Scans a tree without following links.
     *
     * @param root the tree's real root
     * @param label how to name the tree in the log (never a secret)
     * @return the bytes of the regular files left in it
     */
    public static long scan(Path root, String label) {
        RootScan scan = new RootScan();
        try {
            Files.walkFileTree(root, scan);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not scan " + label, e);
        }
        if (scan.removed > 0) {
            log.info("Removed {} unfinished temporary file(s) from {}", scan.removed, label);
        }
        return scan.bytes;
    }

    @Override
    public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
        if (attributes.isRegularFile() && file.getFileName().toString().startsWith(AtomicWriter.TEMP_PREFIX)) {
            Files.deleteIfExists(file);
            removed++;
        } else if (attributes.isRegularFile()) {
            bytes += attributes.size();
        }
        return FileVisitResult.CONTINUE;
    }

    @Override
    public FileVisitResult visitFileFailed(Path file, IOException failure) {
        return FileVisitResult.CONTINUE;
    }
}
