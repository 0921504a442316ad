package dev.runtimeservice.testkit.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtimeservice.testkit.RuntimeHome;
import dev.runtimeservice.testkit.RuntimeManager;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A test run killed with SIGKILL together with its manager, as a CI job's timeout or a Ctrl-C to the process group
 * kills them, leaves its agent running (agents run in a session of their own). The next run on the same work
 * folder starts a manager on the killed one's state folder, whose take-over adopts the agent, and stops it.
 */
class KilledRunIsCleanedUpIT {

    @Test
    void theNextRunStopsTheAgentsAKilledRunLeft(@TempDir Path work) throws Exception {
        String[] killed = runAndKill(work);
        long manager = Long.parseLong(killed[1]);
        long vfs = Long.parseLong(killed[2]);
        assertThat(ProcessHandle.of(manager).map(ProcessHandle::isAlive).orElse(false))
                .as("the killed run's manager")
                .isFalse();
        assertThat(ProcessHandle.of(vfs).map(ProcessHandle::isAlive))
                .as("the killed run's vfs")
                .hasValue(true);

        String before = System.setProperty("runtime.testkit.work", work.toString());
        try (RuntimeManager next = RuntimeManager.start(RuntimeHome.locate(null, Path.of("")))) {
            assertThat(next.folder()).isEqualTo(Path.of(killed[3]));
            assertThat(Files.readString(next.folder().resolve("logs/runtime.log")))
                    .contains("Took over 1 running agents from the previous manager: [vfs (pid " + vfs);
            assertThat(ended(vfs))
                    .as("the killed run's vfs, pid %d, after the take-over stopped it", vfs)
                    .isTrue();
            assertThat(next.agentPids()).isEmpty();
            assertThat(next.launch(List.of("vfs"), "{}")).containsKey("vfs");
        } finally {
            if (before == null) {
                System.clearProperty("runtime.testkit.work");
            } else {
                System.setProperty("runtime.testkit.work", before);
            }
        }
        assertThat(Files.exists(Path.of(killed[3]))).isFalse();
    }

    /**
     * Whether the process has ended, within a few seconds: an adopted agent is not the manager's child, so its exit
     * is seen by polling, and init reaps it a moment after.
     */
    private static boolean ended(long pid) {
        return ProcessHandle.of(pid)
                .map(process -> process.onExit()
                        .thenApply(exited -> true)
                        .completeOnTimeout(false, 20, TimeUnit.SECONDS)
                        .join())
                .orElse(true);
    }

    /** Starts {@link KilledRun} in a JVM of its own, then kills it and its manager with SIGKILL. */
    private static String[] runAndKill(Path work) throws Exception {
        Process run = new ProcessBuilder(List.of(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Druntime.testkit.work=" + work,
                        "-cp",
                        System.getProperty("java.class.path"),
                        KilledRun.class.getName()))
                .redirectErrorStream(true)
                .start();
        try (BufferedReader output =
                new BufferedReader(new InputStreamReader(run.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            StringBuilder seen = new StringBuilder();
            while ((line = output.readLine()) != null && !line.startsWith("RUNNING ")) {
                seen.append(line).append('\n');
            }
            if (line == null) {
                throw new AssertionError("The run ended before its agent ran:\n" + seen);
            }
            String[] running = line.split(" ");
            run.destroyForcibly();
            ProcessHandle.of(Long.parseLong(running[1])).ifPresent(ProcessHandle::destroyForcibly);
            run.waitFor(10, TimeUnit.SECONDS);
            ProcessHandle.of(Long.parseLong(running[1]))
                    .ifPresent(handle ->
                            handle.onExit().orTimeout(10, TimeUnit.SECONDS).join());
            return running;
        }
    }
}
