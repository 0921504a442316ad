package dev.runtimeservice.testkit.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtimeservice.testkit.RuntimeHome;
import dev.runtimeservice.testkit.RuntimeManager;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * Test runs that end mid-way, each an {@link InterruptedRun} in a JVM of its own with a manager and the tiny agent,
 * in a work folder of its own: stopped with SIGTERM (a CI job cancelled, Ctrl-C), the JVM's shutdown hook stops
 * everything; killed with SIGKILL, the next run on the same work folder cleans up, whether the killed run's manager
 * still runs (it is stopped) or died with it (the next manager's take-over adopts its agent, which is then stopped).
 * The three run at once: they mostly wait for processes.
 */
@Execution(ExecutionMode.CONCURRENT)
class InterruptedRunsLeaveNothingIT {

    @Test
    void aRunStoppedWithSigtermStopsItsManagerAndAgentsInItsShutdownHook(@TempDir Path work) throws Exception {
        Process run = start(work);
        Running running = awaitRunning(run);

        run.destroy();

        assertThat(run.waitFor(60, TimeUnit.SECONDS)).as("the run's JVM ended").isTrue();
        assertThat(run.exitValue()).as("SIGTERM's exit code").isEqualTo(143);
        assertThat(TestProcesses.ended(running.manager())).as("the manager").isTrue();
        assertThat(TestProcesses.ended(running.agent())).as("the agent").isTrue();
        assertThat(TestProcesses.listening(running.url()))
                .as("the manager's port")
                .isFalse();
        assertThat(Files.exists(running.folder())).as("the run's folder").isFalse();
    }

    @Test
    void theNextRunStopsTheManagerOfAKilledRunThatStillRuns(@TempDir Path work) throws Exception {
        Process run = start(work);
        Running running = awaitRunning(run);

        run.destroyForcibly();
        run.waitFor(10, TimeUnit.SECONDS);
        assertThat(TestProcesses.alive(running.manager()))
                .as("the killed run's manager")
                .isTrue();

        try (RuntimeManager next = RuntimeManager.start(RuntimeHome.locate(null, Path.of("")), work)) {
            assertThat(next.folder()).isEqualTo(running.folder());
            assertThat(TestProcesses.ended(running.manager()))
                    .as("the killed run's manager")
                    .isTrue();
            assertThat(TestProcesses.ended(running.agent()))
                    .as("the killed run's agent")
                    .isTrue();
            assertThat(next.agentPids()).isEmpty();
            assertThat(next.launch(List.of(next.register(InterruptedRun.AGENT)), "{}"))
                    .containsKey("tiny");
        }
        assertThat(Files.exists(running.folder())).isFalse();
    }

    @Test
    void theNextRunStopsTheAgentsOfAKilledRunWhoseManagerDiedToo(@TempDir Path work) throws Exception {
        Process run = start(work);
        Running running = awaitRunning(run);

        run.destroyForcibly();
        ProcessHandle.of(running.manager()).ifPresent(ProcessHandle::destroyForcibly);
        run.waitFor(10, TimeUnit.SECONDS);
        assertThat(TestProcesses.ended(running.manager()))
                .as("the killed run's manager")
                .isTrue();
        assertThat(TestProcesses.alive(running.agent()))
                .as("the killed run's agent (agents run in a session of their own)")
                .isTrue();

        try (RuntimeManager next = RuntimeManager.start(RuntimeHome.locate(null, Path.of("")), work)) {
            assertThat(next.folder()).isEqualTo(running.folder());
            assertThat(Files.readString(next.folder().resolve("logs/runtime.log")))
                    .contains("Took over 1 running agents from the previous manager: [tiny (pid " + running.agent());
            assertThat(TestProcesses.ended(running.agent()))
                    .as("the killed run's agent, pid %d, after the take-over stopped it", running.agent())
                    .isTrue();
            assertThat(next.agentPids()).isEmpty();
        }
        assertThat(Files.exists(running.folder())).isFalse();
    }

    /** What an interrupted run printed once its agent ran. */
    record Running(long manager, long agent, URI url, Path folder) {}

    /** Starts an {@link InterruptedRun} in a JVM of its own, on the given work folder. */
    private static Process start(Path work) throws IOException {
        return new ProcessBuilder(List.of(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-XX:TieredStopAtLevel=1",
                        "-XX:+UseSerialGC",
                        "-Druntime.testkit.work=" + work,
                        "-cp",
                        System.getProperty("java.class.path"),
                        InterruptedRun.class.getName()))
                .redirectErrorStream(true)
                .start();
    }

    private static Running awaitRunning(Process run) throws IOException {
        BufferedReader output = new BufferedReader(new InputStreamReader(run.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        String line;
        while ((line = output.readLine()) != null && !line.startsWith("RUNNING ")) {
            seen.append(line).append('\n');
        }
        if (line == null) {
            throw new AssertionError("The run ended before its agent ran:\n" + seen);
        }
        String[] running = line.split(" ");
        return new Running(
                Long.parseLong(running[1]), Long.parseLong(running[2]), URI.create(running[3]), Path.of(running[4]));
    }
}
