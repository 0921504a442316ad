package dev.runtimeservice.manager.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * An agent's local process, the FIFO its output goes through and the thread that copies that output to the agent's
 * log. The process is either a child of this manager or one it took over from an earlier manager ({@link #adopted()}),
 * whose exit code nobody but its real parent can learn.
 */
final class LocalAgentProcess implements AgentProcess {

    private final ProcessHandle handle;
    private final CompletableFuture<@Nullable Integer> exit;
    private final Thread outputPump;
    private final Path output;
    private final boolean adopted;

    LocalAgentProcess(
            ProcessHandle handle,
            CompletableFuture<@Nullable Integer> exit,
            Thread outputPump,
            Path output,
            boolean adopted) {
        this.handle = handle;
        this.exit = exit;
        this.outputPump = outputPump;
        this.output = output;
        this.adopted = adopted;
    }

    @Override
    public long pid() {
        return handle.pid();
    }

    @Override
    public boolean isAlive() {
        return adopted ? !ProcessEnd.reached(handle) : handle.isAlive();
    }

    @Override
    public CompletableFuture<@Nullable Integer> onExit() {
        return exit;
    }

    ProcessHandle handle() {
        return handle;
    }

    @Override
    public boolean adopted() {
        return adopted;
    }

    /** The process and every descendant it has now. */
    Stream<ProcessHandle> tree() {
        return Stream.concat(Stream.of(handle), handle.descendants());
    }

    @Override
    public void awaitOutput(Duration timeout) {
        try {
            outputPump.join(timeout.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void deleteOutput() throws IOException {
        Files.deleteIfExists(output);
    }

    @Override
    public Optional<Instant> startInstant() {
        return handle.info().startInstant();
    }

    @Override
    public Optional<List<String>> arguments() {
        return handle.info().arguments().map(List::of);
    }
}
