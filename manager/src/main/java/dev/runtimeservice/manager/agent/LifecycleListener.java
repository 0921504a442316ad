package dev.runtimeservice.manager.agent;

/**
 * Hears every change in the agents' lives: a launch registered, a state change, a standby made warm or used. The
 * events package turns these into the lifecycle events the API streams. Called on the thread that made the change,
 * while it holds the agent, so an implementation must return at once and never block.
 */
public interface LifecycleListener {

    /** Hears nothing: the registry's listener when no other bean is there. */
    LifecycleListener NONE = new LifecycleListener() {};

    /** A launch joined the registry: a new launch (STARTING; a restart when its restart count is above 0), an agent
     * taken over from an earlier manager, or a launch that ended before this manager started. */
    default void registered(ManagedAgent agent) {}

    /** A launch moved from one state to another. */
    default void changed(ManagedAgent agent, LaunchState before, LaunchState after) {}

    /** An agent's warm standby is ready: its next launch takes a fraction of a second. */
    default void standbyWarm(String agent, long pid) {}

    /** A launch took its agent's warm standby instead of starting a new JVM. */
    default void standbyUsed(String agent, long pid) {}
}
