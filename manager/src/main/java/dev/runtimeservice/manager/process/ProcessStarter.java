package dev.runtimeservice.manager.process;

import dev.runtimeservice.manager.isolation.AgentUser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The one place a process is forked, so that lifecycle tests can run without the OS. */
@FunctionalInterface
public interface ProcessStarter {

    /** The manager's own secrets, which agents never inherit from its environment. */
    Set<String> MANAGER_SECRETS = Set.of("RUNTIME_API_KEY");

    /** The util-linux program that runs a command in a new session. */
    Path SETSID = Path.of("/usr/bin/setsid");

    /** The shell that puts a process in its cgroup before it execs the agent. */
    Path SHELL = Path.of("/bin/sh");

    /**
     * Joins the cgroups given as arguments (after their count), then execs the rest: the process writes its own pid
     * ({@code $$}, which exec keeps) to each {@code cgroup.procs}, so the agent's first instruction and everything it
     * forks already run inside its limits; no window exists in which it runs outside them, as moving its pid after
     * the spawn would leave. A cgroup it cannot join is said in its log, and it runs without that limit.
     */
    String JOIN_CGROUPS = "n=$1; shift; while [ \"$n\" -gt 0 ]; do "
            + "echo $$ 2>/dev/null > \"$1\" || echo \"runtime-service: could not join cgroup $1; this agent runs "
            + "without its limit\" >&2; shift; n=$((n-1)); done; exec \"$@\"";

    /**
     * Starts the plan's process with standard error merged into standard output, which goes to the plan's output
     * file if it has one, else to a pipe the caller reads.
     */
    Process start(LaunchPlan plan) throws IOException;

    /**
     * Forks a real process with {@link ProcessBuilder}. Where {@code setsid} exists the agent runs in a session
     * of its own, so a Ctrl-C in the manager's terminal reaches the manager only, which then stops its agents
     * in order; {@code setsid} replaces itself with the agent, so the pid is the agent's.
     */
    static ProcessStarter operatingSystem() {
        List<String> prefix = Files.isExecutable(SETSID) ? List.of(SETSID.toString()) : List.of();
        return plan -> {
            List<String> argv = new ArrayList<>(prefix);
            if (!plan.cgroupProcs().isEmpty()) {
                argv.addAll(List.of(
                        SHELL.toString(),
                        "-c",
                        JOIN_CGROUPS,
                        "join-cgroup",
                        Integer.toString(plan.cgroupProcs().size())));
                plan.cgroupProcs().forEach(procs -> argv.add(procs.toString()));
            }
            if (plan.user() != null && AgentUser.canSwitch()) {
                argv.addAll(plan.user().switchArgv());
            }
            argv.addAll(plan.argv());
            ProcessBuilder builder = new ProcessBuilder(argv)
                    .directory(plan.workDir().toFile())
                    .redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.PIPE);
            if (plan.output() != null) {
                builder.redirectOutput(plan.output().toFile());
            }
            builder.environment().keySet().removeAll(MANAGER_SECRETS);
            builder.environment().putAll(plan.env());
            return builder.start();
        };
    }
}
