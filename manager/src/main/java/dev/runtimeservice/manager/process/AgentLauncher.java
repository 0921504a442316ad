package dev.runtimeservice.manager.process;

import dev.runtimeservice.manager.isolation.AgentUser;
import dev.runtimeservice.manager.limits.AgentCgroup;
import dev.runtimeservice.manager.limits.Cgroups;
import dev.runtimeservice.manager.logs.AgentOutputPump;
import dev.runtimeservice.manager.resources.SecretRedactor;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Spawns agent processes, or takes over ones an earlier manager spawned, and connects their output FIFO to their
 * logs.
 */
@Component
@Lazy // made only with the local host: not at all when agents run as pods (kubernetes.AgentHostChoice)
class AgentLauncher {

    private static final Logger log = LoggerFactory.getLogger(AgentLauncher.class);

    /** How long the output FIFO may take to be opened at both ends: at once, unless the process is gone. */
    private static final Duration FIFO_OPEN = Duration.ofSeconds(5);
    /** After an adopted process closes its output, how long its exit is watched closely. */
    private static final Duration EXIT_WATCH = Duration.ofSeconds(2);

    private final ProcessStarter starter;
    private final SecretRedactor redactor;
    private final Cgroups cgroups;
    private volatile boolean userWarned;

    @Autowired
    AgentLauncher(SecretRedactor redactor, Cgroups cgroups) {
        this(ProcessStarter.operatingSystem(), redactor, cgroups);
    }

    AgentLauncher(ProcessStarter starter, SecretRedactor redactor, Cgroups cgroups) {
        this.starter = starter;
        this.redactor = redactor;
        this.cgroups = cgroups;
    }

    /** Spawns the plan's process with its output going to the plan's FIFO, which is made new. */
    LocalAgentProcess launch(LaunchPlan plan) throws IOException {
        Spawned spawned = spawn(plan);
        // Nothing is ever written to an agent's stdin; closing it tells agents that read it there is no input.
        spawned.process().getOutputStream().close();
        return spawned.connect(plan.name(), redactor);
    }

    /**
     * Spawns an agent in warm standby, as {@link #launch} does but with its standard input left open: the manager
     * writes the line that starts the agent there, and closing it ends a standby that was never started.
     */
    StandbyProcess launchStandby(LaunchPlan plan) throws IOException {
        Spawned spawned = spawn(plan);
        return new StandbyProcess(
                spawned.connect(plan.name(), redactor), spawned.process().getOutputStream());
    }

    private Spawned spawn(LaunchPlan plan) throws IOException {
        Path fifo = Objects.requireNonNull(plan.output(), "an agent's plan names its output FIFO");
        OutputFifo.create(fifo);
        CompletableFuture<InputStream> reader = OutputFifo.openReader(fifo, plan.name());
        giveToUser(plan);
        AgentCgroup cgroup = cgroups.create(plan.name(), plan.limits()).orElse(null);
        try {
            LaunchPlan placed = cgroup == null ? plan : plan.inCgroup(cgroup.procsFiles());
            return new Spawned(starter.start(placed), reader, fifo, cgroup);
        } catch (IOException | RuntimeException e) {
            OutputFifo.release(reader, fifo);
            if (cgroup != null) {
                cgroup.remove();
            }
            throw e;
        }
    }

    /**
     * Gives an agent that runs as its own user its folder and resources file, readable by it alone. A manager
     * that is not root cannot switch users: it says so once, and the agent runs as the manager's user.
     */
    private void giveToUser(LaunchPlan plan) throws IOException {
        if (plan.user() == null) {
            return;
        }
        if (!AgentUser.canSwitch()) {
            if (!userWarned) {
                userWarned = true;
                log.warn(
                        "Agent {} asks to run as user {}, but this manager is not root (or has no setpriv): agents "
                                + "run as the manager's user",
                        plan.name(),
                        plan.user().spec());
            }
            return;
        }
        String resources = plan.env().get("AGENT_RESOURCES_FILE");
        plan.user()
                .own(
                        plan.workDir(),
                        plan.workDir().resolve(".tmp"),
                        resources == null ? plan.workDir().resolve("resources.json") : Path.of(resources));
    }

    /** A process just forked, whose FIFO's reading end is being opened, and the cgroup it joins. */
    private record Spawned(
            Process process,
            CompletableFuture<InputStream> reader,
            Path fifo,
            @Nullable AgentCgroup cgroup) {

        /** Copies the process's output to its log, once the FIFO is open at both ends. */
        LocalAgentProcess connect(String name, SecretRedactor redactor) {
            InputStream output = OutputFifo.await(reader, fifo, FIFO_OPEN).orElse(InputStream.nullInputStream());
            Thread pump = AgentOutputPump.start(name, process.pid(), output, redactor, null);
            return new LocalAgentProcess(
                    process.toHandle(), process.onExit().thenApply(Process::exitValue), pump, fifo, false, cgroup);
        }
    }

    /**
     * Takes over a running agent process started by an earlier manager, reading its output FIFO again; empty if
     * the process is gone.
     */
    Optional<LocalAgentProcess> adopt(String name, long pid, Path fifo) {
        Optional<ProcessHandle> handle = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        if (handle.isEmpty()) {
            return Optional.empty();
        }
        Optional<InputStream> output = OutputFifo.await(OutputFifo.openReader(fifo, name), fifo, FIFO_OPEN);
        if (output.isEmpty()) {
            return Optional.empty();
        }
        CompletableFuture<@Nullable Integer> exit = new CompletableFuture<>();
        // The JDK sees a process that is not its child end only by polling, up to seconds apart; the end of the
        // output is the sign that comes at once, so it is followed by a close watch.
        handle.get().onExit().thenRun(() -> exit.complete(null));
        Runnable afterOutput = () -> watchExit(handle.get(), exit);
        Thread pump = AgentOutputPump.start(name, pid, output.get(), redactor, afterOutput);
        return Optional.of(new LocalAgentProcess(
                handle.get(), exit, pump, fifo, true, cgroups.of(pid).orElse(null)));
    }

    private static void watchExit(ProcessHandle handle, CompletableFuture<@Nullable Integer> exit) {
        long deadline = System.nanoTime() + EXIT_WATCH.toNanos();
        try {
            while (!ProcessEnd.reached(handle) && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (ProcessEnd.reached(handle)) {
            exit.complete(null);
        }
    }
}
