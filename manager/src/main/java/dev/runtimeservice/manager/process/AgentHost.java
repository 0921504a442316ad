package dev.runtimeservice.manager.process;

import dev.runtimeservice.manager.state.LiveAgents.LiveAgent;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Where agents run: the one seam through which the lifecycle, supervision, standby and take-over logic spawn, watch
 * and stop an agent. {@link LocalProcesses} runs each agent as a child process of this manager; tests drive the same
 * logic through a fake, and other backends (cgroup limits, Kubernetes) fit here.
 */
public interface AgentHost {

    /**
     * Whether agents run on this machine, from the files the descriptor names (a jar, a command); false for a host
     * that runs them from container images elsewhere.
     */
    default boolean runsLocally() {
        return true;
    }

    /** The host name the manager and other agents reach the named agent at. */
    default String agentAddress(String agent) {
        return "127.0.0.1";
    }

    /** Spawns the plan's process with its output going to the plan's output, which is made new. */
    AgentProcess launch(LaunchPlan plan) throws IOException;

    /**
     * Spawns an agent in warm standby, as {@link #launch} does but with its standard input left open: the manager
     * writes the line that starts the agent there, and closing it ends a standby that was never started.
     */
    StandbyProcess launchStandby(LaunchPlan plan) throws IOException;

    /** Whether agents an earlier manager left running can be found and taken over here. */
    boolean canTakeOver();

    /** The agents managers of this state directory started that still run. */
    List<LiveAgent> running();

    /**
     * The resources file of a running launch as this host keeps it, for a manager taking the launch over that has no
     * file of its own (its disk went with the manager that made it); empty where the manager's file is the only one.
     */
    default Optional<byte[]> resourcesFile(LiveAgent agent) {
        return Optional.empty();
    }

    /** Takes over a running agent an earlier manager started, reading its output again; empty if it is gone. */
    Optional<AgentProcess> adopt(String name, long pid, Path output);

    /** Waits until the agent answers {@code healthUrl} with 200, it exits, another process answers, or time is up. */
    Readiness awaitReady(AgentProcess process, URI healthUrl, Duration timeout);

    /**
     * Why the agent was not ready after {@link #awaitReady} timed out, as the launch's error says it: here, that it did
     * not answer its readiness path; a host that probes it otherwise (Kubernetes) says what it saw instead.
     */
    default String notReady(AgentProcess process, URI healthUrl, Duration timeout) {
        return "it did not answer " + healthUrl + " with 200 within AGENT_STARTUP_TIMEOUT=" + timeout.toSeconds() + "s";
    }

    /** Whether the running agent answers {@code url} with 200 within {@code timeout}: its liveness. */
    boolean answers(AgentProcess process, URI url, Duration timeout);

    /**
     * Stops the agent and everything it started within {@code timeout}: its shutdown endpoint if it has one, then a
     * request to end, then a forced kill.
     */
    StopOutcome stop(AgentProcess process, @Nullable URI shutdownUrl, String token, Duration timeout);

    /** Kills the agent and everything it started at once, for a start that failed or an agent that hangs. */
    void kill(AgentProcess process);

    /** Starts sampling the process's CPU and memory use. */
    void track(AgentProcess process);

    /** Stops sampling an ended process. */
    void forget(AgentProcess process);

    /**
     * What the process uses now: its latest CPU and memory sample (none before {@link #track} or after
     * {@link #forget}) and its use against its limits. The one way the API learns an agent's usage.
     */
    AgentUsage usage(AgentProcess process);
}
