package dev.runtimeservice.manager.agent.supervision;

import dev.runtimeservice.manager.agent.ManagedAgent;
import dev.runtimeservice.manager.config.SupervisionProperties;
import dev.runtimeservice.manager.process.AgentHost;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/** Probes a running agent's liveness path and counts consecutive failures per launch. */
@Component
class LivenessProbe {

    private final AgentHost host;
    private final Map<String, Integer> failuresByLaunch = new ConcurrentHashMap<>();

    LivenessProbe(AgentHost host) {
        this.host = host;
    }

    /** Probes once; true when the agent has now failed {@code livenessFailures} probes in a row. */
    boolean failedEnough(ManagedAgent agent, SupervisionProperties settings) {
        if (answers(agent, settings)) {
            failuresByLaunch.remove(agent.id());
            return false;
        }
        int failures = failuresByLaunch.merge(agent.id(), 1, Integer::sum);
        if (failures >= settings.livenessFailures()) {
            failuresByLaunch.remove(agent.id());
            return true;
        }
        return false;
    }

    private boolean answers(ManagedAgent agent, SupervisionProperties settings) {
        return agent.process()
                .map(process -> host.answers(
                        process, agent.url().resolve(agent.descriptor().livenessPath()), settings.livenessTimeout()))
                .orElse(false);
    }
}
