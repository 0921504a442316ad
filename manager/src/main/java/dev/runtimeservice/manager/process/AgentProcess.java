package dev.runtimeservice.manager.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * An agent's process, the FIFO its output goes through and the thread that copies that output to the agent's log.
 * The process is either a child of this manager or one it took over from an earlier manager ({@link #adopted()}),
 * whose exit code nobody but its real parent can learn.
 */
public final class AgentProcess {

    private final ProcessHandle handle;
    private final CompletableFuture<@Nullable Integer> exit;
    private final Thread outputPump;
    private final Path output;
    private final boolean adopted;

    AgentProcess(ProcessHandle handle, CompletableFuture<@Nullable Integer> exit, Thread outputPump, Path output,
            boolean adopted) {
        this.handle = handle;
        this.exit = exit;
        this.outputPump = outputPump;
        this.output = output;
        this.adopted = adopted;
    }

    public long pid() {
        return handle.pid();
    }

    /** Whether the process still runs; a taken-over process that ended and waits to be reaped does not. */
    public boolean isAlive() {
        return adopted ? !ProcessEnd.reached(handle) : handle.isAlive();
    }

    /** Completes as soon as the process exits, with its exit code, or null for an adopted process. */
    public CompletableFuture<@Nullable Integer> onExit() {
        return exit;
    }

    public ProcessHandle handle() {
        return handle;
    }

    /** Whether this manager took the process over from an earlier one instead of starting it. */
    public boolean adopted() {
        return adopted;
    }

    /** The process and every descendant it has now. */
    Stream<ProcessHandle> tree() {
        return Stream.concat(Stream.of(handle), handle.descendants());
    }

    /**
     * Waits until everything the process printed is in its log, so a log tail read next is complete.
     */
    public void awaitOutput(Duration timeout) {
        try {
            outputPump.join(timeout.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Removes the output FIFO once the process is gone; nothing will open it again. */
    public void deleteOutput() throws IOException {
        Files.deleteIfExists(output);
    }
}
