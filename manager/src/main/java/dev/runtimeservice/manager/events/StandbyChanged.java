package dev.runtimeservice.manager.events;

import java.time.Instant;

/**
 * An agent's warm standby became ready, or a launch used it.
 *
 * @param id the event's id
 * @param time when it happened
 * @param agent the agent's name
 * @param change what happened to the standby
 * @param pid the standby JVM's process id
 */
public record StandbyChanged(long id, Instant time, String agent, Change change, long pid) implements LifecycleEvent {

    /** What happened to a standby. */
    public enum Change {
        /** It is warm: the agent's next launch takes a fraction of a second. */
        WARM,
        /** A launch took it instead of starting a new JVM. */
        USED
    }

    @Override
    public String kind() {
        return "standby";
    }
}
