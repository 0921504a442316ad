package dev.runtimeservice.manager.process;

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
 */
public record LaunchPlan(
        String name,
        List<String> argv,
        Path workDir,
        Map<String, String> env,
        @Nullable Path output) {

    public LaunchPlan {
        argv = List.copyOf(argv);
        env = Map.copyOf(env);
    }

    /** A plan whose output is piped to the manager. */
    public LaunchPlan(String name, List<String> argv, Path workDir, Map<String, String> env) {
        this(name, argv, workDir, env, null);
    }
}
