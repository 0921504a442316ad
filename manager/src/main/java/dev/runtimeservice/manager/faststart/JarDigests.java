package dev.runtimeservice.manager.faststart;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SHA-256 of each jar, computed once per version of the file: a jar rebuilt in place has another size,
 * modification time or (on Linux and macOS) status-change time, so it is hashed again. The status-change time is
 * what makes the reuse safe: a jar replaced by one of the same size with its modification time kept ({@code cp -p},
 * {@code rsync -t}) still gets a new one, which no tool can set (and its inode, which a move brings along).
 * Hashing a 170 MB jar takes half a second with the optimising compiler and about 3 s in the manager's JVM, which
 * has only the quick one; the manager made the four built-in agents' standbys 3-6 s late for it after each start.
 * So each digest is also written to {@code folder} (one small file per jar, in the fast-start cache) and read from
 * there by the next manager, as long as the jar's size and version are still the same: the build's training run
 * hashes the built-in agents' jars once for every later start.
 */
final class JarDigests {

    private static final Logger log = LoggerFactory.getLogger(JarDigests.class);

    private record Seen(long size, String version, byte[] digest) {}

    private final Map<Path, Seen> seen = new ConcurrentHashMap<>();
    private final @Nullable Path folder;

    /** @param folder where digests are kept between runs of the manager; null to keep them in memory only */
    JarDigests(@Nullable Path folder) {
        this.folder = folder;
    }

    byte[] of(Path jar) {
        try {
            Version current = Version.of(jar);
            long size = current.size();
            String version = current.stamp();
            Seen known = seen.get(jar);
            if (known == null || known.size() != size || !known.version().equals(version)) {
                known = stored(jar)
                        .filter(stored ->
                                stored.size() == size && stored.version().equals(version))
                        .orElse(null);
            }
            if (known == null) {
                known = new Seen(size, version, hash(jar));
                store(jar, known);
            }
            seen.put(jar, known);
            return known.digest();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + jar, e);
        }
    }

    /** The file that keeps the digest of {@code jar}: named after its absolute path, which it also holds. */
    private @Nullable Path fileOf(Path jar) {
        if (folder == null) {
            return null;
        }
        MessageDigest name = FastStartCache.sha256();
        name.update(path(jar).getBytes(StandardCharsets.UTF_8));
        return folder.resolve(HexFormat.of().formatHex(name.digest(), 0, 12));
    }

    private Optional<Seen> stored(Path jar) {
        Path file = fileOf(jar);
        if (file == null || !Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            if (lines.size() < 4 || !lines.get(0).equals(path(jar))) {
                return Optional.empty();
            }
            return Optional.of(new Seen(
                    Long.parseLong(lines.get(1)), lines.get(2), HexFormat.of().parseHex(lines.get(3))));
        } catch (IOException | IllegalArgumentException e) {
            // Unreadable or not ours: the jar is hashed again and the file written anew.
            return Optional.empty();
        }
    }

    private void store(Path jar, Seen digest) {
        Path file = fileOf(jar);
        if (file == null) {
            return;
        }
        try {
            Files.createDirectories(file.getParent());
            Path temporary =
                    Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
            Files.writeString(
                    temporary,
                    String.join(
                            "\n",
                            path(jar),
                            Long.toString(digest.size()),
                            digest.version(),
                            HexFormat.of().formatHex(digest.digest()),
                            ""),
                    StandardCharsets.UTF_8);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            // Only the next manager's start is slower for it.
            log.debug("Could not keep the digest of {} in {}: {}", jar, file, e.getMessage());
        }
    }

    /**
     * The jar's size, and its modification time plus its status-change time and inode where the file system has them
     * (the {@code unix} attribute view: Linux, macOS) as one string, read with one call.
     */
    private record Version(long size, String stamp) {

        static Version of(Path jar) throws IOException {
            if (!jar.getFileSystem().supportedFileAttributeViews().contains("unix")) {
                BasicFileAttributes basic = Files.readAttributes(jar, BasicFileAttributes.class);
                return new Version(basic.size(), basic.lastModifiedTime().toString()); // Windows
            }
            Map<String, Object> unix = Files.readAttributes(jar, "unix:size,lastModifiedTime,ctime,ino");
            return new Version(
                    (Long) Objects.requireNonNull(unix.get("size"), "the unix view's size"),
                    unix.get("lastModifiedTime") + " " + unix.get("ctime") + " " + unix.get("ino"));
        }
    }

    private static String path(Path jar) {
        return jar.toAbsolutePath().normalize().toString();
    }

    private static byte[] hash(Path jar) throws IOException {
        MessageDigest digest = FastStartCache.sha256();
        try (InputStream in = new DigestInputStream(Files.newInputStream(jar), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return digest.digest();
    }
}
