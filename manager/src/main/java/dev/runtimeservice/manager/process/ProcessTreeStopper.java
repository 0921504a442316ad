package dev.runtimeservice.manager.process;

import dev.runtimeservice.manager.telemetry.TraceHeaders;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Stops an agent and every process it started: first its shutdown endpoint, then SIGTERM, then SIGKILL
 * once the timeout has passed. Descendants are collected before each step, because once the agent exits
 * its children are re-parented and can no longer be found from it.
 */
@Component
@Lazy // made only with the local host: not at all when agents run as pods (kubernetes.AgentHostChoice)
public class ProcessTreeStopper {

    /** Header carrying the agent's launch token on its shutdown request. */
    public static final String TOKEN_HEADER = ShutdownRequest.TOKEN_HEADER;

    private static final Duration KILL_WAIT = Duration.ofSeconds(5);

    private final ShutdownRequest shutdown;

    ProcessTreeStopper(TraceHeaders traceHeaders) {
        // With the stop's trace, so that the agent's shutdown shows in the same trace as the stop that asked for it.
        this.shutdown = new ShutdownRequest(Duration.ofMillis(500), traceHeaders::inject);
    }

    /**
     * Stops the process tree within {@code timeout} (plus a few seconds for SIGKILL to take effect).
     *
     * @param shutdownUrl the agent's shutdown endpoint, or null to start with SIGTERM
     */
    StopOutcome stop(LocalAgentProcess process, @Nullable URI shutdownUrl, String token, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Set<ProcessHandle> tree = snapshot(process, new LinkedHashSet<>());
        StopOutcome outcome = stopMain(process, shutdownUrl, token, deadline, tree);
        killSurvivors(process, tree);
        return outcome;
    }

    /** Kills the whole tree at once, for an agent whose start failed. */
    void kill(LocalAgentProcess process) {
        Set<ProcessHandle> tree = snapshot(process, new LinkedHashSet<>());
        tree.forEach(ProcessHandle::destroyForcibly);
        awaitExit(process, System.nanoTime() + KILL_WAIT.toNanos());
        killSurvivors(process, tree);
    }

    private StopOutcome stopMain(
            LocalAgentProcess process,
            @Nullable URI shutdownUrl,
            String token,
            long deadline,
            Set<ProcessHandle> tree) {
        if (!process.isAlive()) {
            return StopOutcome.ALREADY_EXITED;
        }
        long halfway = System.nanoTime() + (deadline - System.nanoTime()) / 2;
        // A shutdown request to a port some other process took would stop that process, not the agent.
        boolean agentsPort = shutdownUrl != null
                && (shutdownUrl.getPort() < 0
                        || PortOwner.of(shutdownUrl.getPort(), process.tree()) != PortOwner.Owner.OTHER);
        if (agentsPort && shutdownUrl != null && shutdown.send(shutdownUrl, token) && awaitExit(process, halfway)) {
            return StopOutcome.SHUTDOWN_ENDPOINT;
        }
        snapshot(process, tree).forEach(ProcessHandle::destroy);
        if (awaitExit(process, deadline)) {
            return StopOutcome.SIGTERM;
        }
        snapshot(process, tree).forEach(ProcessHandle::destroyForcibly);
        awaitExit(process, System.nanoTime() + KILL_WAIT.toNanos());
        return StopOutcome.SIGKILL;
    }

    /**
     * Descendants that outlived the agent: SIGTERM, a short wait, then SIGKILL. The agent itself was waited for
     * already (it may be a zombie that only its parent, not this manager, can reap).
     */
    private static void killSurvivors(LocalAgentProcess process, Set<ProcessHandle> tree) {
        Set<ProcessHandle> survivors = new LinkedHashSet<>(tree);
        survivors.remove(process.handle());
        survivors.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
        for (ProcessHandle handle : survivors) {
            waitFor(handle, deadline);
            if (handle.isAlive()) {
                handle.destroyForcibly();
            }
        }
    }

    private static Set<ProcessHandle> snapshot(LocalAgentProcess process, Set<ProcessHandle> tree) {
        process.tree().forEach(tree::add);
        return tree;
    }

    /**
     * Waits on the agent's own exit signal, not on {@link ProcessHandle#onExit()}: an agent taken over from an earlier
     * manager is not this JVM's child, and the JDK sees it end only once its new parent has reaped it, which made each
     * such stop last 1.5-2.3 s here; the agent's signal completes as soon as its output ends and the process has ended
     * ({@link ProcessEnd}).
     */
    private static boolean awaitExit(LocalAgentProcess process, long deadline) {
        if (!process.isAlive()) {
            return true;
        }
        return waitFor(process.handle(), process.onExit(), deadline);
    }

    private static boolean waitFor(ProcessHandle handle, long deadline) {
        if (!handle.isAlive()) {
            return true;
        }
        return waitFor(handle, handle.onExit(), deadline);
    }

    private static boolean waitFor(ProcessHandle handle, CompletableFuture<?> exit, long deadline) {
        long remaining = deadline - System.nanoTime();
        try {
            exit.get(Math.max(0, remaining), TimeUnit.NANOSECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            handle.destroyForcibly();
            return false;
        } catch (java.util.concurrent.ExecutionException e) {
            return !handle.isAlive();
        }
    }
}
