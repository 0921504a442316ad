package dev.runtimeservice.manager.agent.telemetry;

import dev.runtimeservice.manager.agent.ManagedAgent;
import dev.runtimeservice.manager.error.AgentExitedDuringStartException;
import dev.runtimeservice.manager.error.AgentPortTakenException;
import dev.runtimeservice.manager.error.AgentStartTimeoutException;
import dev.runtimeservice.manager.process.AgentProcess;
import dev.runtimeservice.manager.process.EndCause;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Why an agent failed, as the {@code reason} label of its failure and restart counters: a small fixed set. */
public enum FailureReason {
    /** It did not answer its readiness probe within {@code AGENT_STARTUP_TIMEOUT}. */
    START_TIMEOUT,
    /** Its process exited before it was ready. */
    EXITED_DURING_START,
    /** Another process took its port before it listened there. */
    PORT_TAKEN,
    /** It could not be spawned at all (missing jar, bad command). */
    NOT_SPAWNED,
    /** The manager killed it after it failed its liveness probes. */
    KILLED_HUNG,
    /** The kernel killed it for its memory limit (out of memory in its cgroup; its pod's container OOMKilled). */
    KILLED_BY_KERNEL,
    /** Its host took it away: its pod was evicted from its node, or deleted by someone other than the manager. */
    ENDED_BY_HOST,
    /** It exited on its own with a non-zero code. */
    EXITED_WITH_ERROR,
    /** It exited on its own with code 0. */
    EXITED_CLEANLY,
    /** It exited on its own with a code this manager cannot know (taken over from an earlier manager). */
    EXIT_UNKNOWN;

    /** The label value: {@code start_timeout}, {@code killed_hung}, … */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Why a start failed, from what it threw. */
    static FailureReason ofStart(Throwable failure) {
        if (failure instanceof AgentStartTimeoutException) {
            return START_TIMEOUT;
        }
        if (failure instanceof AgentExitedDuringStartException) {
            return EXITED_DURING_START;
        }
        if (failure instanceof AgentPortTakenException) {
            return PORT_TAKEN;
        }
        return NOT_SPAWNED;
    }

    /** Why a running agent ended on its own, as the supervisor tells it (see {@code AgentSupervisor#onExit}). */
    static FailureReason ofExit(ManagedAgent agent, @Nullable Integer exitCode) {
        if (agent.killedAsHung()) {
            return KILLED_HUNG;
        }
        EndCause.Kind cause = agent.process()
                .flatMap(AgentProcess::endCause)
                .map(EndCause::kind)
                .orElse(EndCause.Kind.EXITED);
        return switch (cause) {
            case OUT_OF_MEMORY -> KILLED_BY_KERNEL;
            case REMOVED_BY_HOST -> ENDED_BY_HOST;
            // A pod that ended by itself, or never got going, counts by its exit code, as a local process does.
            case EXITED, NOT_STARTED -> ofExitCode(exitCode);
        };
    }

    private static FailureReason ofExitCode(@Nullable Integer exitCode) {
        if (exitCode == null) {
            return EXIT_UNKNOWN;
        }
        return exitCode == 0 ? EXITED_CLEANLY : EXITED_WITH_ERROR;
    }
}
