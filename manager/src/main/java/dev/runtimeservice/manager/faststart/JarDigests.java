package dev.runtimeservice.manager.faststart;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The SHA-256 of each jar, computed once per version of the file: hashing a 170 MB jar takes about half a second,
 * which every launch would otherwise pay. A jar rebuilt in place has another size or modification time, so it is
 * hashed again.
 */
final class JarDigests {

    private record Seen(long size, long modified, byte[] digest) {}

    private final Map<Path, Seen> seen = new ConcurrentHashMap<>();

    byte[] of(Path jar) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(jar, BasicFileAttributes.class);
            long size = attributes.size();
            long modified = attributes.lastModifiedTime().toMillis();
            Seen known = seen.get(jar);
            if (known != null && known.size() == size && known.modified() == modified) {
                return known.digest();
            }
            byte[] digest = hash(jar);
            seen.put(jar, new Seen(size, modified, digest));
            return digest;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + jar, e);
        }
    }

    private static byte[] hash(Path jar) throws IOException {
        MessageDigest digest = FastStartCache.sha256();
        try (InputStream in = new DigestInputStream(Files.newInputStream(jar), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return digest.digest();
    }
}
