package dev.runtimeservice.agent.sdk.a2a;

import com.fasterxml.jackson.annotation.JsonAlias;

/** Where a task is in its lifecycle; the 0.3 names ({@code completed}, ...) are read too. */
public enum TaskState {
    /** Not set. */
    TASK_STATE_UNSPECIFIED,
    /** Received, not started. */
    @JsonAlias("submitted")
    TASK_STATE_SUBMITTED,
    /** Being worked on. */
    @JsonAlias("working")
    TASK_STATE_WORKING,
    /** Done; the artifacts hold the answer. */
    @JsonAlias("completed")
    TASK_STATE_COMPLETED,
    /** Ended in error; the status message says what to change. */
    @JsonAlias("failed")
    TASK_STATE_FAILED,
    /** Cancelled by the client. */
    @JsonAlias("canceled")
    TASK_STATE_CANCELED,
    /** Waiting for the client to answer the status message. */
    @JsonAlias("input-required")
    TASK_STATE_INPUT_REQUIRED,
    /** Refused without starting (the agent is too busy). */
    @JsonAlias("rejected")
    TASK_STATE_REJECTED,
    /** Waiting for credentials; never used by these agents. */
    @JsonAlias("auth-required")
    TASK_STATE_AUTH_REQUIRED;

    /** @return whether the task can change no more */
    public boolean isTerminal() {
        return this == TASK_STATE_COMPLETED
                || this == TASK_STATE_FAILED
                || this == TASK_STATE_CANCELED
                || this == TASK_STATE_REJECTED;
    }

    /** @return whether a stream of the task ends here (terminal, or waiting for the client) */
    public boolean endsStream() {
        return isTerminal() || this == TASK_STATE_INPUT_REQUIRED || this == TASK_STATE_AUTH_REQUIRED;
    }
}
