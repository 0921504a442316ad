package dev.runtimeservice.manager.process;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Everything needed to spawn one agent process. The argv is run as it is, never through a shell.
 *
 * @param name the agent's name, used to label its output
 * @param argv the program and its arguments
 * @param workDir the working directory
 * @param env environment variables added to the manager's own
 */
public record LaunchPlan(String name, List<String> argv, Path workDir, Map<String, String> env) {

    public LaunchPlan {
        argv = List.copyOf(argv);
        env = Map.copyOf(env);
    }
}
