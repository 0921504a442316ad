package dev.runtimeservice.manager.events;

import java.time.Instant;

/**
 * The manager started an agent again after it ended without being asked to (its restart policy).
 *
 * @param id the event's id
 * @param time when the new launch began
 * @param agent the agent's name
 * @param launchId the new launch's id
 * @param restarts how many restarts in a row this is
 * @param reason why the previous launch ended
 */
public record AgentRestarted(long id, Instant time, String agent, String launchId, int restarts, String reason)
        implements LifecycleEvent {

    @Override
    public String kind() {
        return "restart";
    }
}
