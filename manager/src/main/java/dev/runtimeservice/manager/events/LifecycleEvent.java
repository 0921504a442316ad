package dev.runtimeservice.manager.events;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * Something that happened in an agent's life, as the manager publishes it: a Spring application event (listen with an
 * {@code ApplicationListener<PayloadApplicationEvent<...>>} of this type or one of its records; the manager does not
 * process {@code @EventListener}, see {@code config.NoAnnotatedEventListeners}) and an entry of
 * {@code GET /api/events}. Ids grow in the order the events happened, across restarts of the manager too (they start
 * from its start time).
 */
public sealed interface LifecycleEvent permits AgentStateChanged, AgentRestarted, StandbyChanged {

    /** The event's id, which {@code Last-Event-ID} sends back. */
    long id();

    /** When it happened. */
    Instant time();

    /** The agent's name. */
    String agent();

    /** The event's name in the stream: {@code state}, {@code restart} or {@code standby}. */
    @JsonProperty("kind")
    String kind();
}
