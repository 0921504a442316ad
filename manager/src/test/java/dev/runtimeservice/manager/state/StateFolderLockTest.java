package dev.runtimeservice.manager.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The state folder's lock against a real second process: Python's {@code fcntl.lockf} takes the same POSIX record
 * lock as the JVM, as a second manager would.
 */
class StateFolderLockTest {

    @TempDir
    Path folder;

    @Test
    void aFolderHeldByAnotherProcessIsRefusedNamingItsPidAndIsFreeOnceThatProcessIsKilled() throws Exception {
        Process holder = new ProcessBuilder(
                        "python3",
                        "-c",
                        """
                import fcntl, os, sys, time
                f = open(sys.argv[1], 'a+')
                fcntl.lockf(f, fcntl.LOCK_EX | fcntl.LOCK_NB)
                f.truncate(0); f.write(str(os.getpid()) + '\\n'); f.flush()
                print('locked', flush=True)
                time.sleep(600)
                """,
                        folder.resolve(StateFolderLock.NAME).toString())
                .redirectErrorStream(true)
                .start();
        try {
            assertThat(new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8))
                            .readLine())
                    .isEqualTo("locked");
            StateProperties properties = new StateProperties(folder, false);

            assertThatThrownBy(() -> new StateFolderLock(properties))
                    .isInstanceOf(StateFolderInUseException.class)
                    .hasMessage("The state folder " + folder.toAbsolutePath() + " is in use by another manager (pid "
                            + holder.pid() + ")");

            holder.destroyForcibly();
            assertThat(holder.waitFor(10, TimeUnit.SECONDS)).isTrue();
            StateFolderLock lock = new StateFolderLock(properties);
            try {
                assertThat(Files.readString(folder.resolve(StateFolderLock.NAME))
                                .strip())
                        .isEqualTo(Long.toString(ProcessHandle.current().pid()));
            } finally {
                lock.destroy();
            }
        } finally {
            holder.destroyForcibly();
        }
    }

    @Test
    void aSecondManagerInTheSameJvmIsRefusedTooAndTheFolderIsFreeAfterTheFirstEnds() throws Exception {
        StateProperties properties = new StateProperties(folder.resolve("new"), false);
        StateFolderLock first = new StateFolderLock(properties);

        assertThatThrownBy(() -> new StateFolderLock(properties))
                .isInstanceOf(StateFolderInUseException.class)
                .hasMessageContaining("(pid " + ProcessHandle.current().pid() + ")");
        assertThat(PosixFilePermissions.toString(
                        Files.getPosixFilePermissions(folder.resolve("new").resolve(StateFolderLock.NAME))))
                .isEqualTo("rw-------");
        // Agents that run as users of their own cannot even list it.
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder.resolve("new"))))
                .isEqualTo("rwx------");

        first.destroy();
        new StateFolderLock(properties).destroy();
    }
}
