package dev.runtimeservice.manager.process;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

/** A running agent process and the thread that copies its output to the agent's log. */
public final class AgentProcess {

    private final Process process;
    private final Thread outputPump;

    AgentProcess(Process process, Thread outputPump) {
        this.process = process;
        this.outputPump = outputPump;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Completes as soon as the process exits, with its exit code. */
    public CompletableFuture<Integer> onExit() {
        return process.onExit().thenApply(Process::exitValue);
    }

    public ProcessHandle handle() {
        return process.toHandle();
    }

    /** The process and every descendant it has now. */
    Stream<ProcessHandle> tree() {
        return Stream.concat(Stream.of(process.toHandle()), process.descendants());
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
}
