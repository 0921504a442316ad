package dev.runtimeservice.manager.process;

import dev.runtimeservice.manager.state.LiveAgents;
import dev.runtimeservice.manager.state.LiveAgents.LiveAgent;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Agents as child processes of this manager, on this machine: spawned with {@link AgentLauncher}, found again after a
 * crash through {@code /proc} ({@link LiveAgents}), made ready with {@link ReadinessProbe}, stopped with
 * {@link ProcessTreeStopper} and sampled with {@link ProcessMetrics}.
 */
@Component
@Lazy // made only with the local host: not at all when agents run as pods (kubernetes.AgentHostChoice)
class LocalProcesses implements AgentHost {

    private final AgentLauncher launcher;
    private final ReadinessProbe readiness;
    private final ProcessTreeStopper stopper;
    private final ProcessMetrics metrics;
    private final LiveAgents liveAgents;

    LocalProcesses(
            AgentLauncher launcher,
            ReadinessProbe readiness,
            ProcessTreeStopper stopper,
            ProcessMetrics metrics,
            LiveAgents liveAgents) {
        this.launcher = launcher;
        this.readiness = readiness;
        this.stopper = stopper;
        this.metrics = metrics;
        this.liveAgents = liveAgents;
    }

    @Override
    public AgentProcess launch(LaunchPlan plan) throws IOException {
        return launcher.launch(plan);
    }

    @Override
    public StandbyProcess launchStandby(LaunchPlan plan) throws IOException {
        return launcher.launchStandby(plan);
    }

    @Override
    public boolean canTakeOver() {
        return LiveAgents.supported();
    }

    @Override
    public List<LiveAgent> running() {
        return liveAgents.find();
    }

    @Override
    public Optional<AgentProcess> adopt(String name, long pid, Path output) {
        return launcher.adopt(name, pid, output).map(AgentProcess.class::cast);
    }

    @Override
    public Readiness awaitReady(AgentProcess process, URI healthUrl, Duration timeout) {
        return readiness.await(local(process), healthUrl, timeout);
    }

    @Override
    public boolean answers(AgentProcess process, URI url, Duration timeout) {
        HttpRequest request = HttpRequest.newBuilder(url).timeout(timeout).GET().build();
        try {
            return AgentHttp.client()
                            .send(request, HttpResponse.BodyHandlers.discarding())
                            .statusCode()
                    == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    @Override
    public StopOutcome stop(AgentProcess process, @Nullable URI shutdownUrl, String token, Duration timeout) {
        return stopper.stop(local(process), shutdownUrl, token, timeout);
    }

    @Override
    public void kill(AgentProcess process) {
        stopper.kill(local(process));
    }

    @Override
    public void track(AgentProcess process) {
        metrics.track(process.pid());
    }

    @Override
    public void forget(AgentProcess process) {
        metrics.forget(process.pid());
    }

    @Override
    public AgentUsage usage(AgentProcess process) {
        Optional<ProcessMetrics.Usage> sample = metrics.latest(process.pid());
        return new AgentUsage(
                sample.map(ProcessMetrics.Usage::cpuPercent).orElse(null),
                sample.map(ProcessMetrics.Usage::memoryBytes).orElse(null),
                process instanceof LocalAgentProcess local ? local.limitUse().orElse(null) : null);
    }

    private static LocalAgentProcess local(AgentProcess process) {
        if (process instanceof LocalAgentProcess local) {
            return local;
        }
        throw new IllegalArgumentException("pid " + process.pid() + " is not a local agent process");
    }
}
