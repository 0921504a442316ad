package dev.runtimeservice.manager.agent;

/** Where an agent is in its life; {@link #canMoveTo} holds every allowed transition. */
public enum AgentState {
    /** Spawned, not yet answering its readiness probe. */
    STARTING,
    /** Its readiness probe answered 200. */
    RUNNING,
    /** Being stopped: shutdown request, then signals. */
    STOPPING,
    /** Stopped on request; its port and resources file are released. */
    STOPPED,
    /** Ended without being asked to; it will be started again after a wait (its restart policy). */
    BACKOFF,
    /** Start failed, timed out, or the process exited on its own. */
    FAILED;

    /** Whether an agent in this state may move to {@code next}. */
    public boolean canMoveTo(AgentState next) {
        return switch (this) {
            case STARTING -> next == RUNNING || next == STOPPING || next == FAILED;
            case RUNNING -> next == STOPPING || next == FAILED || next == BACKOFF;
            case BACKOFF -> next == STOPPING || next == FAILED;
            case STOPPING -> next == STOPPED;
            // A restart that failed to start is retried later if the restart budget allows it.
            case FAILED -> next == BACKOFF;
            case STOPPED -> false;
        };
    }

    /** Whether a process may still exist for an agent in this state. */
    public boolean isLive() {
        return this == STARTING || this == RUNNING || this == STOPPING;
    }

    /** Whether a stop request has something to do: a process, or a pending restart. */
    public boolean isStoppable() {
        return isLive() || this == BACKOFF;
    }
}
