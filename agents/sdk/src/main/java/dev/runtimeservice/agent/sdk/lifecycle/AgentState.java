package dev.runtimeservice.agent.sdk.lifecycle;

/** The states an agent reports about itself while it can still answer. */
public enum AgentState {
    /** Serving requests. */
    RUNNING,
    /** Shutdown was asked for; the application is closing. */
    STOPPING
}
