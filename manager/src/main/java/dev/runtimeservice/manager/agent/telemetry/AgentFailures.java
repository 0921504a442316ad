package dev.runtimeservice.manager.agent.telemetry;

import dev.runtimeservice.manager.agent.AgentExited;
import dev.runtimeservice.manager.agent.ManagedAgent;
import dev.runtimeservice.manager.error.AgentStoppedDuringStartException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.ApplicationListener;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.stereotype.Component;

/**
 * Counts agent failures and automatic restarts, by agent and {@link FailureReason}:
 * {@code runtime_agent_failures_total} and {@code runtime_agent_restarts_total}. A failure is a start that failed or
 * a running agent that ended on its own ({@link AgentExited}); a restart is a launch the supervisor made after one,
 * labelled with the failure that caused it. Each is counted once, where it happens; a stop asked for is neither.
 */
@Component
public class AgentFailures implements ApplicationListener<PayloadApplicationEvent<AgentExited>> {

    static final String FAILURES = "runtime.agent.failures";
    static final String RESTARTS = "runtime.agent.restarts";

    private final MeterRegistry meters;
    private final Map<String, FailureReason> lastFailure = new ConcurrentHashMap<>();

    AgentFailures(MeterRegistry meters) {
        this.meters = meters;
    }

    @Override
    public void onApplicationEvent(PayloadApplicationEvent<AgentExited> event) {
        AgentExited exited = event.getPayload();
        failed(exited.agent(), FailureReason.ofExit(exited.agent(), exited.exitCode()));
    }

    /** A launch that threw before it was ready; a stop that interrupted it is not a failure. */
    void startFailed(ManagedAgent agent, Throwable failure) {
        if (!(failure instanceof AgentStoppedDuringStartException)) {
            failed(agent, FailureReason.ofStart(failure));
        }
    }

    /** A launch begins: an automatic restart counts with the reason of the failure that led to it. */
    void launching(ManagedAgent agent) {
        if (agent.restarts() > 0) {
            FailureReason reason = lastFailure.getOrDefault(agent.name(), FailureReason.EXIT_UNKNOWN);
            counter(RESTARTS, "Automatic restarts of an agent after a failure", agent, reason)
                    .increment();
        }
    }

    private void failed(ManagedAgent agent, FailureReason reason) {
        lastFailure.put(agent.name(), reason);
        counter(FAILURES, "Agent failures: starts that failed and agents that ended on their own", agent, reason)
                .increment();
    }

    private Counter counter(String name, String description, ManagedAgent agent, FailureReason reason) {
        return Counter.builder(name)
                .description(description)
                .tag("agent", agent.name())
                .tag("reason", reason.label())
                .register(meters);
    }
}
