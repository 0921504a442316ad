package dev.runtimeservice.manager.logs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.runtimeservice.manager.resources.SecretRedactor;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A followed log's end: once the agent's launch has been over for a moment, a last line, then nothing. */
class LogFollowSourceTest {

    private final AtomicReference<@Nullable FollowEnd> ending = new AtomicReference<>();

    private LogFollowSource follow(Path file, boolean eventStream) {
        return new LogFollowSource(
                "vfs",
                file,
                List.of("old line"),
                0,
                new SecretRedactor(),
                eventStream,
                ending::get,
                Duration.ofMillis(100));
    }

    private static String text(byte @Nullable [] bytes) {
        return bytes == null ? "" : new String(bytes, StandardCharsets.UTF_8);
    }

    @Test
    void aStoppedAgentsLogEndsWithALastLineAfterItsLastLines(@TempDir Path folder) throws Exception {
        Path file = Files.writeString(folder.resolve("vfs.log"), "");
        LogFollowSource source = follow(file, false);
        assertThat(text(source.next())).isEqualTo("old line\n");
        assertThat(source.next()).isNull();
        assertThat(source.finished()).isFalse();

        ending.set(FollowEnd.STOPPED);
        // Lines written after the state changed (copied from the agent's output) still come first.
        Files.writeString(file, "stopping\n", StandardOpenOption.APPEND);
        assertThat(text(source.next())).isEqualTo("stopping\n");
        StringBuilder rest = new StringBuilder();
        await().atMost(Duration.ofSeconds(3)).until(() -> {
            rest.append(text(source.next()));
            return source.finished();
        });
        assertThat(rest).hasToString("-- vfs stopped: its log ends here --\n");
        assertThat(source.next()).isNull();
    }

    @Test
    void aFailedAgentsLogEndsWithItsReasonAsAnEventNamedFailed(@TempDir Path folder) throws Exception {
        LogFollowSource source = follow(folder.resolve("vfs.log"), true);
        assertThat(text(source.next())).isEqualTo("data: old line\n\n");
        ending.set(FollowEnd.failed("exited on its own with code 1"));
        StringBuilder rest = new StringBuilder();
        await().atMost(Duration.ofSeconds(3)).until(() -> {
            rest.append(text(source.next()));
            return source.finished();
        });
        assertThat(rest).hasToString("event: failed\ndata: -- vfs failed: exited on its own with code 1 --\n\n");
    }

    @Test
    void anAgentThatComesBackWithinTheGraceIsStillFollowed(@TempDir Path folder) throws Exception {
        LogFollowSource source = follow(folder.resolve("vfs.log"), false);
        source.next();
        ending.set(FollowEnd.failed("failed to restart"));
        assertThat(source.next()).isNull();
        ending.set(null); // waiting for its next restart (BACKOFF)
        Thread.sleep(200);
        assertThat(source.next()).isNull();
        assertThat(source.finished()).isFalse();
    }
}
