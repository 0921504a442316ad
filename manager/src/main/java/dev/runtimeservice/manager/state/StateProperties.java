package dev.runtimeservice.manager.state;

import dev.runtimeservice.manager.config.SettingChecks;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the manager keeps its state, and what a graceful stop does to running agents.
 *
 * @param dir the state file {@code agents.json} and each agent's output FIFO ({@code STATE_DIR})
 * @param keepAgentsOnExit leave agents running when the manager stops, for the next manager to take over, as
 *     in an upgrade ({@code KEEP_AGENTS_ON_EXIT}); by default a manager that stops stops every agent
 */
@ConfigurationProperties("runtime.state")
public record StateProperties(
        @DefaultValue("run/state") Path dir,
        @DefaultValue("false") boolean keepAgentsOnExit) {

    public StateProperties {
        SettingChecks.present("runtime.state.dir", dir);
    }

    /** The state directory as an absolute path, as it is written into agents' environments and FIFO names. */
    public Path directory() {
        return dir.toAbsolutePath().normalize();
    }

    /**
     * The FIFO that one launch's output goes through. It outlives the manager, so the next manager can open it
     * again, and it names the launch, so an agent's process can be told from others by where its output goes.
     */
    public Path outputOf(String agent, String launchId) {
        return directory().resolve(agent + "-" + launchId + ".out");
    }
}
