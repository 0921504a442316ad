package dev.runtimeservice.manager.process;

import dev.runtimeservice.manager.logs.AgentOutputPump;
import dev.runtimeservice.manager.resources.SecretRedactor;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Spawns agent processes, or takes over ones an earlier manager spawned, and connects their output FIFO to their
 * logs.
 */
@Component
class AgentLauncher {

    /** How long the output FIFO may take to be opened at both ends: at once, unless the process is gone. */
    private static final Duration FIFO_OPEN = Duration.ofSeconds(5);
    /** After an adopted process closes its output, how long its exit is watched closely. */
    private static final Duration EXIT_WATCH = Duration.ofSeconds(2);

    private final ProcessStarter starter;
    private final SecretRedactor redactor;

    @Autowired
    AgentLauncher(SecretRedactor redactor) {
        this(ProcessStarter.operatingSystem(), redactor);
    }

    AgentLauncher(ProcessStarter starter, SecretRedactor redactor) {
        this.starter = starter;
        this.redactor = redactor;
    }

    /** Spawns the plan's process with its output going to the plan's FIFO, which is made new. */
    LocalAgentProcess launch(LaunchPlan plan) throws IOException {
        Spawned spawned = spawn(plan);
        // Nothing is ever written to an agent's stdin; closing it tells agents that read it there is no input.
        spawned.process().getOutputStream().close();
        return spawned.connect(plan.name(), redactor);
    }

    /**
     * Spawns an agent in warm standby, as {@link #launch} does but with its standard input left open: the manager
     * writes the line that starts the agent there, and closing it ends a standby that was never started.
     */
    StandbyProcess launchStandby(LaunchPlan plan) throws IOException {
        Spawned spawned = spawn(plan);
        return new StandbyProcess(
                spawned.connect(plan.name(), redactor), spawned.process().getOutputStream());
    }

    private Spawned spawn(LaunchPlan plan) throws IOException {
        Path fifo = Objects.requireNonNull(plan.output(), "an agent's plan names its output FIFO");
        OutputFifo.create(fifo);
        CompletableFuture<InputStream> reader = OutputFifo.openReader(fifo, plan.name());
        try {
            return new Spawned(starter.start(plan), reader, fifo);
        } catch (IOException | RuntimeException e) {
            OutputFifo.release(reader, fifo);
            throw e;
        }
    }

    /** A process just forked, whose FIFO's reading end is being opened. */
    private record Spawned(Process process, CompletableFuture<InputStream> reader, Path fifo) {

        /** Copies the process's output to its log, once the FIFO is open at both ends. */
        LocalAgentProcess connect(String name, SecretRedactor redactor) {
            InputStream output = OutputFifo.await(reader, fifo, FIFO_OPEN).orElse(InputStream.nullInputStream());
            Thread pump = AgentOutputPump.start(name, process.pid(), output, redactor, null);
            return new LocalAgentProcess(
                    process.toHandle(), process.onExit().thenApply(Process::exitValue), pump, fifo, false);
        }
    }

    /**
     * Takes over a running agent process started by an earlier manager, reading its output FIFO again; empty if
     * the process is gone.
     */
    Optional<LocalAgentProcess> adopt(String name, long pid, Path fifo) {
        Optional<ProcessHandle> handle = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        if (handle.isEmpty()) {
            return Optional.empty();
        }
        Optional<InputStream> output = OutputFifo.await(OutputFifo.openReader(fifo, name), fifo, FIFO_OPEN);
        if (output.isEmpty()) {
            return Optional.empty();
        }
        CompletableFuture<@Nullable Integer> exit = new CompletableFuture<>();
        // The JDK sees a process that is not its child end only by polling, up to seconds apart; the end of the
        // output is the sign that comes at once, so it is followed by a close watch.
        handle.get().onExit().thenRun(() -> exit.complete(null));
        Runnable afterOutput = () -> watchExit(handle.get(), exit);
        Thread pump = AgentOutputPump.start(name, pid, output.get(), redactor, afterOutput);
        return Optional.of(new LocalAgentProcess(handle.get(), exit, pump, fifo, true));
    }

    private static void watchExit(ProcessHandle handle, CompletableFuture<@Nullable Integer> exit) {
        long deadline = System.nanoTime() + EXIT_WATCH.toNanos();
        try {
            while (!ProcessEnd.reached(handle) && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (ProcessEnd.reached(handle)) {
            exit.complete(null);
        }
    }
}
