package dev.runtimeservice.manager.agent;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Where one launch is in its life, with the facts that belong to that state: why it failed or ended, its exit code,
 * when it restarts, whether the manager killed it as hung. A launch changes state only through
 * {@link ManagedAgent}'s transitions, which check {@link AgentState#canMoveTo}; a fact is read from the state it
 * belongs to, so no state carries a stale one.
 */
public sealed interface LaunchState {

    /** The state's name, as the API shows it. */
    AgentState name();

    /** Why the launch failed or ended, in the states that say. */
    default @Nullable String reason() {
        return null;
    }

    /** The exit code of its process, in the states that follow its end, when it is known. */
    default @Nullable Integer exitCode() {
        return null;
    }

    /** Spawned, not yet answering its readiness probe. */
    record Starting() implements LaunchState {
        @Override
        public AgentState name() {
            return AgentState.STARTING;
        }
    }

    /**
     * Its readiness probe answered 200.
     *
     * @param killedAsHung whether the manager killed it for failing its liveness probes, so that its exit is a failure
     */
    record Running(boolean killedAsHung) implements LaunchState {
        @Override
        public AgentState name() {
            return AgentState.RUNNING;
        }
    }

    /**
     * Being stopped on request.
     *
     * @param exitCode the exit code of its process if it had ended before (a stop during backoff), else null
     */
    record Stopping(@Nullable Integer exitCode) implements LaunchState {
        @Override
        public AgentState name() {
            return AgentState.STOPPING;
        }
    }

    /**
     * Stopped on request; its port and resources file are released.
     *
     * @param exitCode the exit code of its process if it had ended before the stop, else null
     */
    record Stopped(@Nullable Integer exitCode) implements LaunchState {
        @Override
        public AgentState name() {
            return AgentState.STOPPED;
        }
    }

    /**
     * Ended without being asked to; started again at {@code restartAt}.
     *
     * @param reason why it ended
     * @param exitCode its exit code, when known
     */
    record BackingOff(String reason, @Nullable Integer exitCode, Instant restartAt) implements LaunchState {
        @Override
        public AgentState name() {
            return AgentState.BACKOFF;
        }
    }

    /**
     * Its start failed or timed out, or it ended and is not restarted.
     *
     * @param reason why
     * @param exitCode its exit code, when known
     */
    record Failed(String reason, @Nullable Integer exitCode) implements LaunchState {
        @Override
        public AgentState name() {
            return AgentState.FAILED;
        }
    }
}
