package dev.runtimeservice.manager.agent;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The {@code agents} component of the manager's {@code /actuator/health}: DOWN, naming the agent, as soon
 * as an agent has failed or died (also while it waits to be restarted); it comes back UP once that agent
 * runs again or is stopped.
 */
@Component("agents")
class AgentsHealthIndicator implements HealthIndicator {

    private final AgentRegistry registry;

    AgentsHealthIndicator(AgentRegistry registry) {
        this.registry = registry;
    }

    @Override
    public Health health() {
        Map<String, String> states = new LinkedHashMap<>();
        boolean failed = false;
        for (ManagedAgent agent : registry.all()) {
            failed |= agent.state() == AgentState.FAILED || agent.state() == AgentState.BACKOFF;
            states.put(
                    agent.name(),
                    agent.state() + agent.failure().map(reason -> ": " + reason).orElse(""));
        }
        return (failed ? Health.down() : Health.up()).withDetails(states).build();
    }
}
