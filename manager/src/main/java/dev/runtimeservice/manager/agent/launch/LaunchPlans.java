package dev.runtimeservice.manager.agent.launch;

import dev.runtimeservice.manager.agent.ManagedAgent;
import dev.runtimeservice.manager.agent.catalog.AgentDescriptor;
import dev.runtimeservice.manager.agent.standby.Standby;
import dev.runtimeservice.manager.config.RuntimeProperties;
import dev.runtimeservice.manager.faststart.FastStart;
import dev.runtimeservice.manager.process.JavaExecutable;
import dev.runtimeservice.manager.process.LaunchPlan;
import dev.runtimeservice.manager.process.Workload;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Turns a descriptor and a launch into the argv and environment of the agent's process. The environment
 * variables set here are the agent contract; agents read nothing else from the manager.
 */
public final class LaunchPlans {

    private LaunchPlans() {}

    /**
     * @param tokenRequired whether the agent's shutdown endpoint must demand its token (the manager has an API
     *     key, so callers without it must not be able to stop agents behind its back)
     */
    static LaunchPlan plan(
            ManagedAgent agent, RuntimeProperties properties, Path output, String managerUrl, boolean tokenRequired) {
        return plan(agent, properties, output, managerUrl, tokenRequired, null, new byte[0]);
    }

    /**
     * The plan, starting a jar agent the fast way when {@code fastStart} is given.
     *
     * @param output the FIFO the agent's output goes to
     * @param resourcesFile the content of the launch's resources file, for a host that hands it over itself
     */
    static LaunchPlan plan(
            ManagedAgent agent,
            RuntimeProperties properties,
            Path output,
            String managerUrl,
            boolean tokenRequired,
            @Nullable FastStart fastStart,
            byte[] resourcesFile) {
        AgentDescriptor descriptor = agent.descriptor();
        Map<String, String> env =
                environment(descriptor, agent.port(), agent.id(), agent.token(), properties, managerUrl, tokenRequired);
        return new LaunchPlan(
                descriptor.name(),
                argv(descriptor, fastStart),
                descriptor.home(),
                env,
                output,
                descriptor.limits(),
                List.of(),
                descriptor.user(),
                new Workload(
                        descriptor.image(),
                        agent.port(),
                        descriptor.healthPath(),
                        descriptor.livenessPath(),
                        descriptor.restart().yamlName(),
                        resourcesFile));
    }

    /**
     * The plan of a jar agent in warm standby: the environment of the launch it will become, and the SDK's
     * standby entry point in front of the agent's main class.
     *
     * @param warmFile the file the standby creates once it has warmed up
     */
    public static LaunchPlan standby(
            Standby.Launch launch,
            RuntimeProperties properties,
            Path output,
            String managerUrl,
            boolean tokenRequired,
            FastStart fastStart,
            String mainClass,
            Path warmFile) {
        AgentDescriptor descriptor = launch.descriptor();
        Map<String, String> env = environment(
                descriptor, launch.port(), launch.id(), launch.token(), properties, managerUrl, tokenRequired);
        List<String> argv = java(descriptor, fastStart.jvmOptions());
        argv.addAll(List.of("-cp", fastStart.jar().toString(), Standby.MAIN_CLASS, warmFile.toString(), mainClass));
        return new LaunchPlan(
                descriptor.name(),
                argv,
                descriptor.home(),
                env,
                output,
                descriptor.limits(),
                List.of(),
                descriptor.user());
    }

    private static Map<String, String> environment(
            AgentDescriptor descriptor,
            int port,
            String id,
            String token,
            RuntimeProperties properties,
            String managerUrl,
            boolean tokenRequired) {
        Map<String, String> env = new HashMap<>(descriptor.env());
        env.put("AGENT_NAME", descriptor.name());
        env.put("AGENT_PORT", Integer.toString(port));
        env.put("AGENT_HOME", descriptor.home().toString());
        env.put("AGENT_RESOURCES_FILE", descriptor.resourcesFile().toString());
        env.put("AGENT_ID", id);
        env.put("AGENT_TOKEN", token);
        env.put("AGENT_SHUTDOWN_REQUIRES_TOKEN", Boolean.toString(tokenRequired));
        env.put("AGENT_BIND_ADDRESS", properties.bindAddress());
        env.put("MANAGER_URL", managerUrl);
        env.put("LOG_LEVEL", properties.logLevel());
        env.put("LOG_DIR", properties.logDir().toAbsolutePath().normalize().toString());
        return env;
    }

    private static List<String> argv(AgentDescriptor descriptor, @Nullable FastStart fastStart) {
        if (descriptor.jar() == null) {
            return descriptor.command();
        }
        List<String> argv = java(descriptor, fastStart == null ? descriptor.jvmArgs() : fastStart.jvmOptions());
        argv.add("-jar");
        argv.add((fastStart == null ? descriptor.jar() : fastStart.jar()).toString());
        return argv;
    }

    /** The JVM and its options, for a jar agent. */
    private static List<String> java(AgentDescriptor descriptor, List<String> jvmOptions) {
        List<String> argv = new ArrayList<>();
        argv.add(JavaExecutable.path());
        // First, so that a java.io.tmpdir in the descriptor's jvm-args wins (the last -D of a name does).
        argv.add("-Djava.io.tmpdir=" + descriptor.tempDir());
        argv.addAll(jvmOptions);
        return argv;
    }
}
