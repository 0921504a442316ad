package dev.runtimeservice.testkit.maven;

import dev.runtimeservice.testkit.RuntimeHome;
import dev.runtimeservice.testkit.RuntimeManager;
import dev.runtimeservice.testkit.TestkitException;
import java.io.File;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.jspecify.annotations.Nullable;

/**
 * Starts a manager from a runtime distribution on free ports and launches the agents, before the integration tests.
 * Sets {@code runtime.manager.url} and {@code runtime.agent.<name>.url} as project properties, for Failsafe's
 * {@code systemPropertyVariables}. {@code runtime:stop} stops it; so does the end of the Maven JVM, should the build
 * end before.
 */
@Mojo(name = "start", defaultPhase = LifecyclePhase.PRE_INTEGRATION_TEST, threadSafe = true)
public class StartMojo extends AbstractMojo {

    static final String MANAGER = StartMojo.class.getName() + ".manager";

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    @Nullable
    MavenProject project;

    /** The agents to launch, by name: the distribution's built-in ones and those of {@code agentFolders}. */
    @Parameter
    List<String> agents = new ArrayList<>();

    /** The launch's resources, a JSON object as in {@code POST /api/launch_agents}. */
    @Parameter(defaultValue = "{}")
    String resources = "{}";

    /** Folders of the build's own agents, each with an {@code agent.yml}; registered and launched too. */
    @Parameter
    List<File> agentFolders = new ArrayList<>();

    /**
     * The runtime distribution; unset: {@code -Druntime.home}, {@code RUNTIME_HOME}, else the first one found from
     * the project's folder upwards.
     */
    @Parameter(property = "runtime.home")
    @Nullable
    String home;

    /** Skips starting (and so stopping), as {@code -DskipITs} or {@code -DskipTests} skip the tests. */
    @Parameter(property = "runtime.skip", defaultValue = "${skipITs}")
    boolean skip;

    @Parameter(property = "skipTests", defaultValue = "false")
    boolean skipTests;

    @Override
    public void execute() throws MojoExecutionException {
        if (skip || skipTests) {
            getLog().info("Skipping runtime:start");
            return;
        }
        MavenProject project = requireProject(this.project);
        RuntimeManager manager;
        try {
            manager = RuntimeManager.start(
                    RuntimeHome.locate(home, project.getBasedir().toPath()));
        } catch (TestkitException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
        getPluginContext().put(MANAGER, manager);
        try {
            List<String> names = new ArrayList<>(agents);
            for (File folder : agentFolders) {
                String name = manager.register(folder.toPath());
                if (!names.contains(name)) {
                    names.add(name);
                }
            }
            Map<String, URI> urls = names.isEmpty() ? Map.of() : manager.launch(names, resources);
            publish(project.getProperties(), manager, urls);
        } catch (TestkitException e) {
            getPluginContext().remove(MANAGER);
            manager.close();
            throw new MojoExecutionException(e.getMessage(), e);
        }
    }

    private void publish(Properties properties, RuntimeManager manager, Map<String, URI> agents) {
        properties.setProperty("runtime.manager.url", manager.url().toString());
        getLog().info("Runtime manager at " + manager.url() + " (pid " + manager.pid() + ", folder " + manager.folder()
                + ")");
        agents.forEach((name, url) -> {
            properties.setProperty("runtime.agent." + name + ".url", url.toString());
            getLog().info("Agent " + name + " at " + url + " (runtime.agent." + name + ".url)");
        });
    }

    static MavenProject requireProject(@Nullable MavenProject project) {
        if (project == null) {
            throw new IllegalStateException("Maven gives the mojo its project");
        }
        return project;
    }
}
