package dev.runtimeservice.manager.process;

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
