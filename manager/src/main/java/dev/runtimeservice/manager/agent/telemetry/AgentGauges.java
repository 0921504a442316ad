package dev.runtimeservice.manager.agent.telemetry;

import dev.runtimeservice.manager.agent.AgentRegistry;
import dev.runtimeservice.manager.agent.AgentState;
import dev.runtimeservice.manager.agent.ManagedAgent;
import dev.runtimeservice.manager.agent.catalog.AgentCatalog;
import dev.runtimeservice.manager.events.AgentStateChanged;
import dev.runtimeservice.manager.process.AgentHost;
import dev.runtimeservice.manager.process.AgentUsage;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationListener;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.stereotype.Component;

/**
 * Gauges read from the registry's current launches when Prometheus scrapes, one set per agent of the catalog (and
 * per agent whose folder appeared after the manager started, from its first launch on):
 * {@code runtime_agent_state} (1 for the state it is in, 0 for the others; all 0 when it has no launch),
 * {@code runtime_agent_cpu_usage_ratio} (cores used over the last second) and
 * {@code runtime_agent_resident_memory_bytes}, as its host measures them (absent, NaN, while it has no process).
 */
@Component
public class AgentGauges implements MeterBinder, ApplicationListener<PayloadApplicationEvent<AgentStateChanged>> {

    private final AgentCatalog catalog;
    private final AgentRegistry registry;
    private final AgentHost host;
    private final Set<String> bound = ConcurrentHashMap.newKeySet();
    private volatile @Nullable MeterRegistry meters;

    AgentGauges(AgentCatalog catalog, AgentRegistry registry, AgentHost host) {
        this.catalog = catalog;
        this.registry = registry;
        this.host = host;
    }

    @Override
    public void bindTo(MeterRegistry meters) {
        this.meters = meters;
        catalog.names().forEach(this::bind);
    }

    /** An agent added to the catalog while the manager runs gets its gauges when it is first launched. */
    @Override
    public void onApplicationEvent(PayloadApplicationEvent<AgentStateChanged> event) {
        onStateChanged(event.getPayload());
    }

    void onStateChanged(AgentStateChanged event) {
        bind(event.agent());
    }

    private void bind(String name) {
        MeterRegistry meters = this.meters;
        if (meters == null || !bound.add(name)) {
            return;
        }
        for (AgentState state : AgentState.values()) {
            Gauge.builder("runtime.agent.state", () -> inState(name, state))
                    .description("1 when the agent is in this state, else 0")
                    .tag("agent", name)
                    .tag("state", state.name())
                    .register(meters);
        }
        Gauge.builder("runtime.agent.cpu.usage", () -> usage(name, AgentUsage::cpuPercent, 0.01))
                .description("CPU the agent's process used over the last second, in cores")
                .baseUnit("ratio")
                .tag("agent", name)
                .register(meters);
        Gauge.builder("runtime.agent.resident.memory", () -> usage(name, AgentUsage::memoryBytes, 1))
                .description("Resident memory of the agent's process")
                .baseUnit("bytes")
                .tag("agent", name)
                .register(meters);
    }

    private double inState(String name, AgentState state) {
        return registry.find(name).filter(agent -> agent.state() == state).isPresent() ? 1 : 0;
    }

    private double usage(String name, Function<AgentUsage, @Nullable Number> figure, double scale) {
        Optional<ManagedAgent> agent =
                registry.find(name).filter(found -> found.state().isLive());
        Number value = agent.flatMap(ManagedAgent::process)
                .map(process -> figure.apply(host.usage(process)))
                .orElse(null);
        return value == null ? Double.NaN : value.doubleValue() * scale;
    }
}
