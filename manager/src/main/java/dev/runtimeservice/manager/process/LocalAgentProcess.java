package dev.runtimeservice.manager.process;

import dev.runtimeservice.manager.limits.AgentCgroup;
import dev.runtimeservice.manager.limits.LimitUse;
import dev.runtimeservice.manager.limits.Limits;
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
    private final @Nullable AgentCgroup cgroup;
    private volatile @Nullable EndCause endCause;

    /**
     * @param cgroup the cgroup its tree runs in, or null; once the process ends, why the kernel ended it (out of
     *     memory) is read from it, whatever is left in it is killed and it is removed, all before {@link #onExit()}
     *     completes, so that the end's reason is known to whoever learns of the end
     */
    LocalAgentProcess(
            ProcessHandle handle,
            CompletableFuture<@Nullable Integer> exit,
            Thread outputPump,
            Path output,
            boolean adopted,
            @Nullable AgentCgroup cgroup) {
        this.handle = handle;
        this.outputPump = outputPump;
        this.output = output;
        this.adopted = adopted;
        this.cgroup = cgroup;
        // Async: the cgroup's clean-up may wait for its last processes, and must not hold the JDK's reaper thread.
        this.exit = cgroup == null
                ? exit
                : exit.thenApplyAsync(code -> {
                    endCause = cgroup.outOfMemory().map(EndCause::outOfMemory).orElse(null);
                    cgroup.killAll();
                    cgroup.remove();
                    return code;
                });
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
    public Optional<String> liftMemoryLimit() {
        return cgroup == null ? Optional.empty() : cgroup.liftMemoryLimit();
    }

    @Override
    public boolean adopted() {
        return adopted;
    }

    /**
     * The process and every descendant it has now, and every other process in its cgroup: one that left the tree
     * by a double fork is still the agent's.
     */
    Stream<ProcessHandle> tree() {
        Stream<ProcessHandle> tree = Stream.concat(Stream.of(handle), handle.descendants());
        if (cgroup == null) {
            return tree;
        }
        Stream<ProcessHandle> strays = cgroup.members().stream()
                .filter(pid -> pid != handle.pid())
                .map(ProcessHandle::of)
                .flatMap(Optional::stream);
        return Stream.concat(tree, strays).distinct();
    }

    @Override
    public Optional<EndCause> endCause() {
        return Optional.ofNullable(endCause);
    }

    @Override
    public Optional<Limits> limits() {
        return Optional.ofNullable(cgroup).map(AgentCgroup::limits);
    }

    /** What it uses now against its limits, while it runs and they are enforced; read through its host. */
    Optional<LimitUse> limitUse() {
        return cgroup == null || !isAlive() ? Optional.empty() : Optional.of(cgroup.use());
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
