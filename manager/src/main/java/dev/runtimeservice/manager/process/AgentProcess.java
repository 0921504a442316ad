package dev.runtimeservice.manager.process;

import dev.runtimeservice.manager.limits.Limits;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * One running agent as its {@link AgentHost} sees it: an id (the pid of a local process), whether it still runs, and
 * its end. The process is either started by this manager or taken over from an earlier one ({@link #adopted()}),
 * whose exit code nobody but its real parent can learn.
 */
public interface AgentProcess {

    long pid();

    /** Whether the process still runs; a taken-over process that ended and waits to be reaped does not. */
    boolean isAlive();

    /** Completes as soon as the process exits, with its exit code, or null when it cannot be known. */
    CompletableFuture<@Nullable Integer> onExit();

    /** Whether this manager took the process over from an earlier one instead of starting it. */
    boolean adopted();

    /** When the process started, as its host reports it; empty if that cannot be told (it is gone). */
    Optional<Instant> startInstant();

    /** The command line it runs with, if its host can tell. */
    Optional<List<String>> arguments();

    /** Waits until everything the process printed is in its log, so a log tail read next is complete. */
    void awaitOutput(Duration timeout);

    /**
     * Why its host ended it, once it has ended, when the host knows more than the exit code: out of memory (a local
     * cgroup's OOM kill, a pod's container OOMKilled), a pod that ended, could not start or was evicted. Empty for a
     * process that exited on its own with nothing more to say, and for one the manager stopped or killed.
     */
    default Optional<EndCause> endCause() {
        return Optional.empty();
    }

    /** The limits its host enforces on it; empty when none are (none set, or the host cannot). */
    default Optional<Limits> limits() {
        return Optional.empty();
    }

    /**
     * Lifts its memory limit until it ends, for work at exit that the limit was not sized for (a JVM that records
     * its class archive as it stops); returns the limit lifted. Empty where its host enforces no memory limit.
     */
    default Optional<String> liftMemoryLimit() {
        return Optional.empty();
    }

    /** The machine (a Kubernetes node) it runs on, when its host places agents on several. */
    default Optional<String> node() {
        return Optional.empty();
    }

    /** How many times its host restarted it in place (a Kubernetes container restart), unseen by the manager. */
    default int hostRestarts() {
        return 0;
    }

    /** Removes where its output went once the process is gone; nothing will open it again. */
    void deleteOutput() throws IOException;
}
