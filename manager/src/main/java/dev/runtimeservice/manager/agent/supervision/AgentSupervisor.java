package dev.runtimeservice.manager.agent.supervision;

import dev.runtimeservice.manager.agent.AgentExited;
import dev.runtimeservice.manager.agent.AgentRegistry;
import dev.runtimeservice.manager.agent.AgentState;
import dev.runtimeservice.manager.agent.ManagedAgent;
import dev.runtimeservice.manager.agent.launch.AgentLifecycle;
import dev.runtimeservice.manager.config.SupervisionProperties;
import dev.runtimeservice.manager.error.RuntimeServiceException;
import dev.runtimeservice.manager.process.AgentProcess;
import dev.runtimeservice.manager.process.EndCause;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.ApplicationListener;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.stereotype.Component;

/**
 * Keeps agents alive: applies each agent's restart policy the moment its process ends on its own, with
 * exponential backoff and a failure budget, and kills agents that stop answering their liveness probe.
 * A restart runs under the agent's lock and only if that launch is still the current one and still in
 * BACKOFF, so a stop or a new launch made meanwhile always wins.
 */
@Component
public class AgentSupervisor implements ApplicationListener<PayloadApplicationEvent<AgentExited>>, DisposableBean {

    private final AgentLifecycle lifecycle;
    private final AgentRegistry registry;
    private final SupervisionProperties settings;
    private final LivenessProbe liveness;
    private final Map<String, RestartHistory> histories = new ConcurrentHashMap<>();
    private final ScheduledExecutorService scheduler;
    private final Clock clock;

    /** {@code supervisionScheduler} runs restarts and liveness probes; a test's runs them when it says. */
    AgentSupervisor(
            AgentLifecycle lifecycle,
            AgentRegistry registry,
            SupervisionProperties settings,
            LivenessProbe liveness,
            Clock clock,
            ScheduledExecutorService supervisionScheduler) {
        this.scheduler = supervisionScheduler;
        this.clock = clock;
        this.lifecycle = lifecycle;
        this.registry = registry;
        this.settings = settings;
        this.liveness = liveness;
        long period = settings.livenessPeriod().toMillis();
        scheduler.scheduleWithFixedDelay(this::probeLiveness, period, period, TimeUnit.MILLISECONDS);
    }

    @Override
    public void onApplicationEvent(PayloadApplicationEvent<AgentExited> event) {
        onExit(event.getPayload());
    }

    void onExit(AgentExited event) {
        ManagedAgent agent = event.agent();
        boolean hung = agent.killedAsHung();
        // Its host phrases an end it knows more about (out of memory, a pod that ended or was evicted).
        Optional<EndCause> cause = agent.process().flatMap(AgentProcess::endCause);
        String reason = hung
                ? "was killed after " + settings.livenessFailures() + " failed liveness probes"
                : cause.map(known -> known.ofRunning(event.exitCode()))
                        .orElseGet(() -> event.exitCode() == null
                                ? "exited on its own (exit code unknown: the manager took it over from an earlier one)"
                                : EndCause.exitedOnItsOwn(event.exitCode()));
        if (!agent.descriptor().restart().restartsAfter(event.exitCode(), hung)) {
            lifecycle.giveUp(
                    agent,
                    reason + " (restart policy " + agent.descriptor().restart().yamlName() + ")",
                    event.exitCode());
            return;
        }
        Duration uptime = Duration.between(agent.startedAt(), clock.instant());
        retryOrGiveUp(agent, reason, event.exitCode(), uptime);
    }

    private void retryOrGiveUp(ManagedAgent agent, String reason, @Nullable Integer exitCode, Duration uptime) {
        RestartHistory history = histories.computeIfAbsent(
                agent.name(),
                name -> new RestartHistory(
                        settings, () -> ThreadLocalRandom.current().nextDouble()));
        Instant now = clock.instant();
        Optional<Duration> delay = history.failed(now, uptime);
        if (delay.isEmpty()) {
            lifecycle.giveUp(
                    agent,
                    reason + "; it failed " + history.recentFailures() + " times within "
                            + settings.failureWindow().toSeconds() + " s, so it is not restarted again",
                    exitCode);
            return;
        }
        lifecycle.backOff(agent, reason, exitCode, now.plus(delay.get()), delay.get());
        scheduler.schedule(() -> restart(agent), delay.get().toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Restarts, when it is due, an agent that the previous manager left waiting for its restart. */
    public void resume(ManagedAgent waiting) {
        long delay = waiting.nextRestartAt()
                .map(at -> Math.max(0, Duration.between(clock.instant(), at).toMillis()))
                .orElse(0L);
        scheduler.schedule(() -> restart(waiting), delay, TimeUnit.MILLISECONDS);
    }

    private void restart(ManagedAgent ended) {
        registry.withLock(ended.name(), () -> {
            boolean stillWaiting = registry.find(ended.name())
                    .filter(current -> current == ended)
                    .filter(current -> current.state() == AgentState.BACKOFF)
                    .isPresent();
            if (stillWaiting) {
                try {
                    lifecycle.restart(ended);
                } catch (RuntimeServiceException e) {
                    registry.find(ended.name())
                            .filter(failed -> failed.state() == AgentState.FAILED)
                            .ifPresent(failed -> retryOrGiveUp(
                                    failed,
                                    "failed to restart: " + e.getMessage(),
                                    failed.exitCode().orElse(null),
                                    Duration.ZERO));
                }
            }
            return null;
        });
    }

    private void probeLiveness() {
        for (ManagedAgent agent : registry.all()) {
            if (agent.state() == AgentState.RUNNING && liveness.failedEnough(agent, settings)) {
                lifecycle.killHung(agent);
            }
        }
    }

    /** Forgets an agent's failures once someone launches or stops it on purpose. */
    public void forget(String name) {
        histories.remove(name);
    }

    @Override
    public void destroy() {
        scheduler.shutdownNow();
    }
}
