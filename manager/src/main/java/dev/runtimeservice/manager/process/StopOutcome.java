package dev.runtimeservice.manager.process;

/** How a stop ended: which step made the agent exit. */
public enum StopOutcome {
    ALREADY_EXITED,
    SHUTDOWN_ENDPOINT,
    SIGTERM,
    SIGKILL
}
