package dev.runtimeservice.manager.faststart;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FastStartCacheTest {

    @TempDir
    Path cache;

    @Test
    void deletesEntriesOfEarlierBuildsOfTheJarThatNothingRunsFromAndKeepsTheRest() throws Exception {
        Path jar = cache.resolve("../vfs-agent.jar").normalize();
        Path current = entry("current", jar, "new");
        Path earlier = entry("earlier", jar, "old");
        Path running = entry("running", jar, "older");
        Path otherJar = entry("other-jar", cache.resolve("../kendra-agent.jar").normalize(), "old");
        Path unnamed = Files.createDirectories(cache.resolve("unnamed/ext"));
        // A process whose command line names the entry, as an agent's names its extracted jar and archive.
        Process user = new ProcessBuilder(
                        "python3", "-c", "import time; time.sleep(60)", running + "/ext/vfs-agent.jar")
                .start();
        try {
            // Until the child runs python itself, its command line is the forking JVM's, or that of a launcher such as
            // pyenv's shim (bash scripts that exec one another), which for a moment while it execs names no path: CI
            // once deleted the entry in such a moment.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!runsPythonFrom(user, running) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            new FastStartCache(new FastStartProperties(true, cache)).deleteEarlierBuilds(jar, "new", current);
        } finally {
            user.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }

        assertThat(earlier).doesNotExist();
        assertThat(current).isDirectory();
        assertThat(running).isDirectory();
        assertThat(otherJar).isDirectory();
        assertThat(unnamed).isDirectory();
    }

    @Test
    void theArchivesUsersRecordedForAnEarlierBuildGoWithItsEntry() throws Exception {
        Path jar = cache.resolve("../vfs-agent.jar").normalize();
        Path current = entry("current", jar, "new");
        entry("earlier", jar, "old");
        String archive = ArchiveKind.forThisJdk().fileName();
        Path users = Files.createDirectories(cache.resolve("users/61004"));
        Path earlierOfUser = Files.writeString(users.resolve("earlier-" + archive), "archive");
        Path currentOfUser = Files.writeString(users.resolve("current-" + archive), "archive");

        new FastStartCache(new FastStartProperties(true, cache)).deleteEarlierBuilds(jar, "new", current);

        assertThat(earlierOfUser).doesNotExist();
        assertThat(currentOfUser).exists();
        assertThat(users).isDirectory();
    }

    @Test
    void aTrainingRunTakenOverKeepsWritingToItsUsersFolder() {
        ArchiveKind kind = ArchiveKind.forThisJdk();
        Path training = cache.resolve("users/61004/0123abcd-" + kind.fileName() + ".5f0e-11aa.tmp");
        Path extracted = cache.resolve("0123abcd/ext/vfs-agent.jar");
        FastStart recovered = new FastStartCache(new FastStartProperties(true, cache))
                .recover(List.of("-Xmx96m", kind.recordOption() + training, "-jar", extracted.toString()))
                .orElseThrow();

        assertThat(recovered.training()).isEqualTo(training);
        assertThat(recovered.archive()).isEqualTo(cache.resolve("users/61004/0123abcd-" + kind.fileName()));
        assertThat(recovered.jar()).isEqualTo(extracted);
        assertThat(recovered.jvmOptions()).containsExactly("-Xmx96m", kind.recordOption() + training);
    }

    private Path entry(String name, Path jar, String digest) throws IOException {
        Path entry = Files.createDirectories(cache.resolve(name));
        Files.createDirectories(entry.resolve("ext"));
        Files.writeString(entry.resolve("ext/app.jar"), "classes");
        Files.writeString(entry.resolve("app.jsa"), "archive");
        entry.resolve("app.jsa").toFile().setReadOnly();
        Files.writeString(entry.resolve(FastStartCache.SOURCE), jar + "\n" + digest + "\n");
        return entry;
    }

    private static boolean runsPythonFrom(Process process, Path entry) {
        ProcessHandle.Info info = process.info();
        return info.command().orElse("").contains("python")
                && info.commandLine().orElse("").contains(entry.toString());
    }
}
