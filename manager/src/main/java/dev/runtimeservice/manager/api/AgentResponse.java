package dev.runtimeservice.manager.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.runtimeservice.manager.agent.AgentOutcome;
import dev.runtimeservice.manager.agent.AgentState;
import dev.runtimeservice.manager.agent.LaunchAction;
import dev.runtimeservice.manager.agent.ManagedAgent;
import dev.runtimeservice.manager.limits.LimitUse;
import dev.runtimeservice.manager.limits.Limits;
import dev.runtimeservice.manager.process.AgentHost;
import dev.runtimeservice.manager.process.AgentProcess;
import dev.runtimeservice.manager.process.AgentUsage;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One agent as the API shows it. Resource values are never shown, only their names.
 *
 * @param name the agent's name
 * @param status its lifecycle state
 * @param action what this request did to it (launch and stop answers only)
 * @param message a sentence about the action or the failure
 * @param id the launch id, also in the agent's resources file
 * @param pid the process id
 * @param port the port it listens on
 * @param url its base URL
 * @param startedAt when this launch began
 * @param resources the names of the resources it was launched with
 * @param cpuPercent CPU use since the previous sample, in percent of one core
 * @param memoryBytes resident memory of its process
 * @param exitCode how the process ended, once it has
 * @param restarts how many times in a row the manager restarted it after a crash
 * @param nextRestartAt when it will be started again, while in BACKOFF
 * @param logs where to read its log
 * @param limits what its whole process tree may use ({@code limits:} in its agent.yml), when it has limits
 * @param limitsEnforced whether the kernel enforces those limits (false where cgroups cannot be used)
 * @param limitUse what its tree uses now against its limits, as its cgroup counts it
 * @param node the Kubernetes node its pod runs on (RUNTIME_BACKEND=kubernetes only)
 * @param containerRestarts how many times Kubernetes restarted its container in place (kubernetes only)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AgentResponse(
        String name,
        AgentState status,
        @Nullable LaunchAction action,
        @Nullable String message,
        @Nullable String id,
        @Nullable Long pid,
        @Nullable Integer port,
        @Nullable String url,
        @Nullable Instant startedAt,
        @Nullable List<String> resources,
        @Nullable Double cpuPercent,
        @Nullable Long memoryBytes,
        @Nullable Integer exitCode,
        @Nullable Integer restarts,
        @Nullable Instant nextRestartAt,
        String logs,
        @Nullable Limits limits,
        @Nullable Boolean limitsEnforced,
        @Nullable LimitUse limitUse,
        @Nullable String node,
        @Nullable Integer containerRestarts) {

    /** The agent as a list shows it, with the usage its host measures. */
    public static AgentResponse of(ManagedAgent agent, AgentHost host) {
        String message = agent.failure()
                .or(() -> agent.restartedAfter().map(reason -> "restarted after it " + reason))
                .orElse(null);
        return of(agent, null, message, usage(agent, host));
    }

    /** The agent as a launch or stop answer shows it: no CPU and memory sample, which it could not have yet. */
    public static AgentResponse of(AgentOutcome outcome, AgentHost host) {
        ManagedAgent agent = outcome.agent();
        String message = message(outcome.action());
        if (agent == null) {
            return new AgentResponse(
                    outcome.name(),
                    AgentState.STOPPED,
                    outcome.action(),
                    message,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    logsPath(outcome.name()),
                    null,
                    null,
                    null,
                    null,
                    null);
        }
        return of(agent, outcome.action(), message, usage(agent, host).withoutSample());
    }

    private static AgentResponse of(
            ManagedAgent agent, @Nullable LaunchAction action, @Nullable String message, AgentUsage usage) {
        Limits limits = agent.descriptor().limits();
        Optional<AgentProcess> running = agent.process().filter(AgentProcess::isAlive);
        return new AgentResponse(
                agent.name(),
                agent.state(),
                action,
                message,
                agent.id(),
                agent.pid().orElse(null),
                agent.port(),
                agent.url().toString(),
                agent.startedAt(),
                agent.resourceNames(),
                usage.cpuPercent(),
                usage.memoryBytes(),
                agent.exitCode().orElse(null),
                agent.restarts(),
                agent.nextRestartAt().orElse(null),
                logsPath(agent.name()),
                limits.any() ? limits : null,
                limits.any() && running.isPresent() ? running.get().limits().isPresent() : null,
                running.isPresent() ? usage.limitUse() : null,
                running.flatMap(AgentProcess::node).orElse(null),
                // Shown where the host restarts containers in place, which places them on nodes; absent locally.
                running.filter(process -> process.node().isPresent())
                        .map(AgentProcess::hostRestarts)
                        .orElse(null));
    }

    private static AgentUsage usage(ManagedAgent agent, AgentHost host) {
        return agent.process().map(host::usage).orElse(AgentUsage.NONE);
    }

    private static String logsPath(String name) {
        return "/api/agents/" + name + "/logs";
    }

    private static String message(LaunchAction action) {
        return switch (action) {
            case STARTED -> "started and ready";
            case ALREADY_RUNNING -> "already running; left as it is";
            case RESTARTED -> "restarted because the launch brought different resources";
            case STOPPED -> "stopped; its port and resources file are released";
            case NOT_RUNNING -> "was not running; nothing to stop";
        };
    }
}
