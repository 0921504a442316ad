package dev.runtimeservice.manager.faststart;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JarDigestsTest {

    @TempDir
    Path folder;

    @Test
    void aNewManagerReadsTheKeptDigestWhileTheJarIsUnchangedAndHashesItAgainOnceItChanged() throws Exception {
        Path jar = Files.write(folder.resolve("agent.jar"), new byte[] {1, 2, 3});
        Path digests = folder.resolve("jar-digests");

        assertThat(new JarDigests(digests).of(jar)).isEqualTo(sha256(new byte[] {1, 2, 3}));
        Path kept = onlyFile(digests);
        assertThat(Files.readAllLines(kept)).startsWith(jar.toAbsolutePath().toString(), "3");

        // What a later manager reads: the kept digest, not the jar, as long as the size and time are the same.
        List<String> lines = Files.readAllLines(kept);
        String marked = HexFormat.of().formatHex(new byte[] {9, 9});
        Files.write(kept, List.of(lines.get(0), lines.get(1), lines.get(2), marked));
        assertThat(new JarDigests(digests).of(jar)).isEqualTo(new byte[] {9, 9});

        // Rebuilt in place with the same size: another modification time, so it is hashed again and kept anew.
        Files.write(jar, new byte[] {4, 5, 6});
        Files.setLastModifiedTime(
                jar, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() + 5_000));
        assertThat(new JarDigests(digests).of(jar)).isEqualTo(sha256(new byte[] {4, 5, 6}));
        assertThat(Files.readAllLines(onlyFile(digests)).get(3))
                .isEqualTo(HexFormat.of().formatHex(sha256(new byte[] {4, 5, 6})));
    }

    @Test
    void aJarReplacedByOneOfTheSameSizeWithItsTimeKeptIsHashedAgain() throws Exception {
        Path jar = Files.write(folder.resolve("agent.jar"), new byte[] {1, 2, 3});
        Path digests = folder.resolve("jar-digests");
        new JarDigests(digests).of(jar);
        FileTime built = Files.getLastModifiedTime(jar);

        // What `cp -p` of another build of the same size does: other bytes, the same modification time.
        Path other = Files.write(folder.resolve("other.jar"), new byte[] {4, 5, 6});
        Files.setLastModifiedTime(other, built);
        Files.move(other, jar, StandardCopyOption.REPLACE_EXISTING);
        assertThat(Files.getLastModifiedTime(jar)).isEqualTo(built);

        assertThat(new JarDigests(digests).of(jar)).isEqualTo(sha256(new byte[] {4, 5, 6}));
    }

    @Test
    void anUnreadableKeptDigestIsHashedAgain() throws Exception {
        Path jar = Files.write(folder.resolve("agent.jar"), new byte[] {7});
        Path digests = folder.resolve("jar-digests");
        new JarDigests(digests).of(jar);
        Files.writeString(onlyFile(digests), "not a digest file");

        assertThat(new JarDigests(digests).of(jar)).isEqualTo(sha256(new byte[] {7}));
    }

    private static Path onlyFile(Path folder) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            List<Path> all = files.toList();
            assertThat(all).hasSize(1);
            return all.get(0);
        }
    }

    private static byte[] sha256(byte[] content) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(content);
    }
}
