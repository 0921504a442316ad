package dev.runtimeservice.manager.process;

import dev.runtimeservice.manager.isolation.AgentUser;
import dev.runtimeservice.manager.limits.Limits;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Everything needed to spawn one process. The argv is run as it is, never through a shell.
 *
 * @param name the agent's name, used to label its output
 * @param argv the program and its arguments
 * @param workDir the working directory
 * @param env environment variables added to the manager's own
 * @param output where standard output and error go (an agent's FIFO), or null for a pipe to the manager
 * @param limits what the process's whole tree may use
 * @param cgroupProcs the {@code cgroup.procs} files the process joins before it runs the argv; empty for none
 * @param user the user it runs as, or null for the manager's
 * @param workload the image and probes, for a host that runs agents as containers; null for a standby
 */
public record LaunchPlan(
        String name,
        List<String> argv,
        Path workDir,
        Map<String, String> env,
        @Nullable Path output,
        Limits limits,
        List<Path> cgroupProcs,
        @Nullable AgentUser user,
        @Nullable Workload workload) {

    public LaunchPlan {
        argv = List.copyOf(argv);
        env = Map.copyOf(env);
        cgroupProcs = List.copyOf(cgroupProcs);
    }

    /** A plan without a workload. */
    public LaunchPlan(
            String name,
            List<String> argv,
            Path workDir,
            Map<String, String> env,
            @Nullable Path output,
            Limits limits,
            List<Path> cgroupProcs,
            @Nullable AgentUser user) {
        this(name, argv, workDir, env, output, limits, cgroupProcs, user, null);
    }

    /** A plan without limits. */
    public LaunchPlan(String name, List<String> argv, Path workDir, Map<String, String> env, @Nullable Path output) {
        this(name, argv, workDir, env, output, Limits.NONE, List.of(), null);
    }

    /** A plan whose output is piped to the manager. */
    public LaunchPlan(String name, List<String> argv, Path workDir, Map<String, String> env) {
        this(name, argv, workDir, env, null);
    }

    /** The same plan, run inside the cgroup whose {@code cgroup.procs} files are given. */
    LaunchPlan inCgroup(List<Path> procs) {
        return new LaunchPlan(name, argv, workDir, env, output, limits, procs, user, workload);
    }
}
