package dev.runtimeservice.manager.agent.launch;

import dev.runtimeservice.manager.agent.ManagedAgent;
import dev.runtimeservice.manager.agent.standby.Standby;
import dev.runtimeservice.manager.config.RuntimeProperties;
import dev.runtimeservice.manager.faststart.FastStart;
import dev.runtimeservice.manager.process.LaunchPlan;
import dev.runtimeservice.manager.security.SecurityProperties;
import dev.runtimeservice.manager.state.StateProperties;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The settings every launch is made from, in one place: the plan of an agent's process ({@link LaunchPlans}), where
 * its output goes, and how long it may take to start and to stop.
 */
@Component
public class LaunchPlanner {

    /** How long a run that records its fast-start archive as it exits may take beyond AGENT_SHUTDOWN_TIMEOUT. */
    static final Duration ARCHIVE_WRITE_ALLOWANCE = Duration.ofSeconds(30);

    private final RuntimeProperties properties;
    private final StateProperties state;
    private final ManagerAddress managerAddress;
    private final SecurityProperties security;
    private final LaunchResources resources;

    public LaunchPlanner(
            RuntimeProperties properties,
            StateProperties state,
            ManagerAddress managerAddress,
            SecurityProperties security,
            LaunchResources resources) {
        this.properties = properties;
        this.state = state;
        this.managerAddress = managerAddress;
        this.security = security;
        this.resources = resources;
    }

    /** The plan of a launch's process, started the fast way when {@code fastStart} is given. */
    public LaunchPlan plan(ManagedAgent agent, @Nullable FastStart fastStart) {
        return LaunchPlans.plan(
                agent,
                properties,
                outputOf(agent.name(), agent.id()),
                managerAddress.url(),
                security.apiKeyRequired(),
                fastStart,
                resources.content(agent));
    }

    /** The plan of a jar agent in warm standby (see {@link LaunchPlans#standby}). */
    public LaunchPlan standby(Standby.Launch launch, FastStart fastStart, String mainClass, Path warmFile) {
        return LaunchPlans.standby(
                launch,
                properties,
                outputOf(launch.descriptor().name(), launch.id()),
                managerAddress.url(),
                security.apiKeyRequired(),
                fastStart,
                mainClass,
                warmFile);
    }

    /** Where a launch's output goes: its FIFO in the state directory. */
    public Path outputOf(String agent, String launchId) {
        return state.outputOf(agent, launchId);
    }

    /** The folder of the state file and the launches' FIFOs. */
    public Path stateDirectory() {
        return state.directory();
    }

    /** AGENT_STARTUP_TIMEOUT. */
    public Duration startupTimeout() {
        return properties.agentStartupTimeout();
    }

    /** AGENT_SHUTDOWN_TIMEOUT. */
    public Duration shutdownTimeout() {
        return properties.agentShutdownTimeout();
    }

    /**
     * AGENT_SHUTDOWN_TIMEOUT, plus {@link #ARCHIVE_WRITE_ALLOWANCE} for a run that records its fast-start archive
     * as it exits: killing it then would throw the archive away, and the next run would record it again.
     */
    public Duration shutdownTimeout(ManagedAgent agent) {
        return recordsArchive(agent) ? shutdownTimeout().plus(ARCHIVE_WRITE_ALLOWANCE) : shutdownTimeout();
    }

    /** Whether the agent's JVM records its fast-start class archive as it exits (a training run). */
    public boolean recordsArchive(ManagedAgent agent) {
        return agent.fastStart().filter(fast -> fast.training() != null).isPresent();
    }

    /** The agent's readiness URL. */
    public URI healthUrl(ManagedAgent agent) {
        return agent.url().resolve(agent.descriptor().healthPath());
    }

    /** The agent's shutdown endpoint, if it has one. */
    public @Nullable URI shutdownUrl(ManagedAgent agent) {
        String path = agent.descriptor().shutdownPath();
        return path == null ? null : agent.url().resolve(path);
    }
}
