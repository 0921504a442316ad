package dev.runtimeservice.manager.process;

import java.io.IOException;

/** The one place a process is forked, so that lifecycle tests can run without the OS. */
@FunctionalInterface
public interface ProcessStarter {

    /** Starts the plan's process with standard error merged into standard output. */
    Process start(LaunchPlan plan) throws IOException;

    /** Forks a real process with {@link ProcessBuilder}. */
    static ProcessStarter operatingSystem() {
        return plan -> {
            ProcessBuilder builder = new ProcessBuilder(plan.argv())
                    .directory(plan.workDir().toFile())
                    .redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.PIPE);
            builder.environment().putAll(plan.env());
            return builder.start();
        };
    }
}
