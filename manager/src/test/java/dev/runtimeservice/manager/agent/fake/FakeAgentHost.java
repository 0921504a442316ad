package dev.runtimeservice.manager.agent.fake;

import dev.runtimeservice.manager.process.AgentHost;
import dev.runtimeservice.manager.process.AgentProcess;
import dev.runtimeservice.manager.process.AgentUsage;
import dev.runtimeservice.manager.process.LaunchPlan;
import dev.runtimeservice.manager.process.Readiness;
import dev.runtimeservice.manager.process.StandbyProcess;
import dev.runtimeservice.manager.process.StopOutcome;
import dev.runtimeservice.manager.state.LiveAgents.LiveAgent;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Where agents run in fast tests: nowhere. It records every launch, stop and kill, and each agent does what the test
 * says ({@link FakeAgentProcess}). A launch is ready at once unless {@link #holdReadiness} says otherwise; a stop ends
 * the process with code 0 through its shutdown endpoint, a kill with 137. It never forks a process and never sleeps.
 */
public final class FakeAgentHost implements AgentHost {

    private static final int SIGKILL_EXIT = 137;

    private final Clock clock;
    private final List<FakeAgentProcess> launched = new CopyOnWriteArrayList<>();
    private final List<FakeAgentProcess> standbys = new CopyOnWriteArrayList<>();
    private final List<FakeAgentProcess> stopped = new CopyOnWriteArrayList<>();
    private final List<FakeAgentProcess> killed = new CopyOnWriteArrayList<>();
    private final List<LiveAgent> running = new ArrayList<>();
    private final Map<Long, FakeAgentProcess> adoptable = new ConcurrentHashMap<>();
    private final Map<Long, byte[]> resourcesFiles = new ConcurrentHashMap<>();
    private final Map<String, Boolean> held = new ConcurrentHashMap<>();
    private final Map<String, Consumer<FakeAgentProcess>> onLaunch = new ConcurrentHashMap<>();
    private final Map<Long, AgentUsage> usage = new ConcurrentHashMap<>();
    private long nextPid = 100_000;

    public FakeAgentHost(Clock clock) {
        this.clock = clock;
    }

    /** Launches of this agent wait for {@link FakeAgentProcess#becomeReady()} or their end to be ready. */
    public void holdReadiness(String agent) {
        held.put(agent, true);
    }

    /** What each new launch of this agent does as soon as it is spawned (exit at once, say). */
    public void onLaunch(String agent, Consumer<FakeAgentProcess> behaviour) {
        onLaunch.put(agent, behaviour);
    }

    /** What {@link #usage} reports for this process from now on, as if its host had sampled it. */
    public void reportUsage(AgentProcess process, AgentUsage reported) {
        usage.put(process.pid(), reported);
    }

    /** An agent an earlier manager left running, for the next manager to find and take over. */
    public FakeAgentProcess leaveRunning(LiveAgent agent) {
        FakeAgentProcess process = new FakeAgentProcess(
                        agent.pid(),
                        new LaunchPlan(agent.name(), List.of("agent"), Path.of("."), Map.of()),
                        true,
                        agent.start())
                .becomeReady();
        running.add(agent);
        adoptable.put(agent.pid(), process);
        return process;
    }

    /** As {@link #leaveRunning(LiveAgent)}, with its resources file kept by the host (as a Kubernetes Secret). */
    public FakeAgentProcess leaveRunning(LiveAgent agent, byte[] resourcesFile) {
        resourcesFiles.put(agent.pid(), resourcesFile);
        return leaveRunning(agent);
    }

    public List<FakeAgentProcess> launched() {
        return List.copyOf(launched);
    }

    public List<FakeAgentProcess> launched(String agent) {
        return launched.stream()
                .filter(process -> process.plan().name().equals(agent))
                .toList();
    }

    public List<FakeAgentProcess> standbys() {
        return List.copyOf(standbys);
    }

    public List<FakeAgentProcess> stopped() {
        return List.copyOf(stopped);
    }

    public List<FakeAgentProcess> killed() {
        return List.copyOf(killed);
    }

    @Override
    public synchronized AgentProcess launch(LaunchPlan plan) {
        FakeAgentProcess process = new FakeAgentProcess(nextPid++, plan, false, clock.instant());
        if (!held.containsKey(plan.name())) {
            process.becomeReady();
        }
        launched.add(process);
        onLaunch.getOrDefault(plan.name(), started -> {}).accept(process);
        return process;
    }

    @Override
    public synchronized StandbyProcess launchStandby(LaunchPlan plan) {
        FakeAgentProcess process = new FakeAgentProcess(nextPid++, plan, false, clock.instant());
        process.becomeReady();
        standbys.add(process);
        return new StandbyProcess(process, process.inputStream());
    }

    @Override
    public boolean canTakeOver() {
        return true;
    }

    @Override
    public List<LiveAgent> running() {
        return List.copyOf(running);
    }

    @Override
    public Optional<byte[]> resourcesFile(LiveAgent agent) {
        return Optional.ofNullable(resourcesFiles.get(agent.pid()));
    }

    @Override
    public Optional<AgentProcess> adopt(String name, long pid, Path output) {
        return Optional.ofNullable(adoptable.get(pid))
                .filter(FakeAgentProcess::isAlive)
                .map(AgentProcess.class::cast);
    }

    /** Ready as soon as the agent says so; exited as soon as it ends, as the real probe fails fast. */
    @Override
    public Readiness awaitReady(AgentProcess process, URI healthUrl, Duration timeout) {
        FakeAgentProcess fake = (FakeAgentProcess) process;
        CompletableFuture.anyOf(fake.ready(), fake.onExit()).join();
        return fake.isAlive()
                ? new Readiness(Readiness.Outcome.READY, null)
                : new Readiness(Readiness.Outcome.EXITED, fake.onExit().join());
    }

    @Override
    public boolean answers(AgentProcess process, URI url, Duration timeout) {
        return ((FakeAgentProcess) process).answersLiveness();
    }

    @Override
    public StopOutcome stop(AgentProcess process, @Nullable URI shutdownUrl, String token, Duration timeout) {
        FakeAgentProcess fake = (FakeAgentProcess) process;
        stopped.add(fake);
        if (!fake.isAlive()) {
            return StopOutcome.ALREADY_EXITED;
        }
        fake.exit(0);
        return shutdownUrl == null ? StopOutcome.SIGTERM : StopOutcome.SHUTDOWN_ENDPOINT;
    }

    @Override
    public void kill(AgentProcess process) {
        FakeAgentProcess fake = (FakeAgentProcess) process;
        killed.add(fake);
        fake.exit(SIGKILL_EXIT);
    }

    @Override
    public void track(AgentProcess process) {
        // Nothing runs, so there is nothing to sample.
    }

    @Override
    public void forget(AgentProcess process) {
        // Nothing was sampled.
    }

    /** What the test said this process uses ({@link #reportUsage}); nothing before that. */
    @Override
    public AgentUsage usage(AgentProcess process) {
        return usage.getOrDefault(process.pid(), AgentUsage.NONE);
    }
}
