package dev.runtimeservice.manager.events;

import dev.runtimeservice.manager.agent.LaunchState;
import dev.runtimeservice.manager.agent.LifecycleListener;
import dev.runtimeservice.manager.agent.ManagedAgent;
import dev.runtimeservice.manager.streaming.StreamHub;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Turns the agents' lifecycle changes into {@link LifecycleEvent}s: numbered into the {@link EventLog}, streamed to
 * {@code /api/events}, and published as Spring application events. Publishing runs on a thread of its own, in the
 * events' order, so a slow listener never holds up a launch, a stop or a restart.
 */
@Component
class LifecycleEvents implements LifecycleListener {

    private static final Logger log = LoggerFactory.getLogger(LifecycleEvents.class);

    private final EventLog events;
    private final StreamHub streams;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;
    private final ExecutorService publishing = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "lifecycle-events");
        thread.setDaemon(true);
        return thread;
    });

    LifecycleEvents(EventLog events, StreamHub streams, ApplicationEventPublisher publisher, Clock clock) {
        this.events = events;
        this.streams = streams;
        this.publisher = publisher;
        this.clock = clock;
    }

    @Override
    public void registered(ManagedAgent agent) {
        String reason = agent.restartedAfter().orElse(null);
        if (agent.restarts() > 0 && reason != null) {
            publish(events.append(
                    id -> new AgentRestarted(id, clock.instant(), agent.name(), agent.id(), agent.restarts(), reason)));
        }
        publish(events.append(id -> stateChanged(id, agent, null, agent.launchState())));
    }

    @Override
    public void changed(ManagedAgent agent, LaunchState before, LaunchState after) {
        publish(events.append(id -> stateChanged(id, agent, before, after)));
    }

    @Override
    public void standbyWarm(String agent, long pid) {
        publish(events.append(id -> new StandbyChanged(id, clock.instant(), agent, StandbyChanged.Change.WARM, pid)));
    }

    @Override
    public void standbyUsed(String agent, long pid) {
        publish(events.append(id -> new StandbyChanged(id, clock.instant(), agent, StandbyChanged.Change.USED, pid)));
    }

    private AgentStateChanged stateChanged(
            long id, ManagedAgent agent, @Nullable LaunchState before, LaunchState after) {
        return new AgentStateChanged(
                id,
                clock.instant(),
                agent.name(),
                agent.id(),
                after.name(),
                before == null ? null : before.name(),
                after.reason(),
                after.exitCode(),
                agent.pid().orElse(null),
                agent.port(),
                agent.restarts(),
                after instanceof LaunchState.BackingOff backingOff ? backingOff.restartAt() : null);
    }

    private void publish(LifecycleEvent event) {
        streams.wake();
        try {
            publishing.execute(() -> {
                try {
                    publisher.publishEvent(event);
                } catch (RuntimeException e) {
                    log.warn("A listener of lifecycle event {} failed: {}", event.id(), e.toString());
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException stopping) {
            // the manager is stopping; the event is still in the log and the stream
        }
    }

    @PreDestroy
    void stop() {
        publishing.shutdown();
    }
}
