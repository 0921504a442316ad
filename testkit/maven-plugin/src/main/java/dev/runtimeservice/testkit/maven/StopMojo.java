package dev.runtimeservice.testkit.maven;

import dev.runtimeservice.testkit.RuntimeManager;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Stops the manager {@code runtime:start} started, with every agent, and deletes its folder. Bound to
 * post-integration-test, which runs when tests fail too: Failsafe's {@code integration-test} goal records failures
 * and its {@code verify} goal, after this one, fails the build.
 */
@Mojo(name = "stop", defaultPhase = LifecyclePhase.POST_INTEGRATION_TEST, threadSafe = true)
public class StopMojo extends AbstractMojo {

    @Override
    public void execute() {
        Object manager = getPluginContext().remove(StartMojo.MANAGER);
        if (manager instanceof RuntimeManager running) {
            getLog().info("Stopping the runtime manager at " + running.url());
            running.close();
        } else {
            getLog().info("No runtime manager to stop (runtime:start did not run or was skipped)");
        }
    }
}
