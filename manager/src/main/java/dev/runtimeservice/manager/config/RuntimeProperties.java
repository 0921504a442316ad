package dev.runtimeservice.manager.config;

import java.nio.file.Path;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.convert.DurationUnit;

/**
 * The manager's settings. Each one is read from the specification's environment variable of the same
 * name (see {@code application.yml}), so {@code MIN_AGENT_PORT=9000} sets {@link #minAgentPort()}.
 *
 * @param debug whether the manager runs in debug mode ({@code DEBUG})
 * @param minAgentPort lowest port given to agents without a fixed port ({@code MIN_AGENT_PORT})
 * @param maxAgentPort highest port given to agents without a fixed port ({@code MAX_AGENT_PORT})
 * @param agentsDir the catalog: one folder per agent with an {@code agent.yml} ({@code AGENTS_DIR})
 * @param logDir where {@code runtime.log} and {@code agents/<name>.log} are written ({@code LOG_DIR})
 * @param agentStartupTimeout how long an agent may take to become ready; plain numbers are seconds
 *     ({@code AGENT_STARTUP_TIMEOUT})
 * @param agentShutdownTimeout how long an agent may take to stop before it is killed; plain numbers are
 *     seconds ({@code AGENT_SHUTDOWN_TIMEOUT})
 * @param bindAddress the address agents listen on ({@code AGENT_BIND_ADDRESS})
 * @param logLevel the level passed down to every agent ({@code LOG_LEVEL})
 * @param maxConcurrentStarts how many agents may be starting at once; 0 means one per CPU core
 *     ({@code MAX_CONCURRENT_STARTS}). Start-up is CPU-bound, so more at once only makes each slower.
 */
@ConfigurationProperties("runtime")
public record RuntimeProperties(
        boolean debug,
        int minAgentPort,
        int maxAgentPort,
        Path agentsDir,
        Path logDir,

        @DurationUnit(ChronoUnit.SECONDS) Duration agentStartupTimeout,

        @DurationUnit(ChronoUnit.SECONDS) Duration agentShutdownTimeout,

        String bindAddress,
        String logLevel,
        int maxConcurrentStarts) {

    public RuntimeProperties {
        SettingChecks.between("runtime.min-agent-port", minAgentPort, 1, 65535);
        SettingChecks.between("runtime.max-agent-port", maxAgentPort, 1, 65535);
        SettingChecks.require(
                "runtime.min-agent-port",
                minAgentPort <= maxAgentPort,
                "must not be greater than MAX_AGENT_PORT (" + maxAgentPort + ")",
                minAgentPort);
        SettingChecks.present("runtime.agents-dir", agentsDir);
        SettingChecks.present("runtime.log-dir", logDir);
        SettingChecks.atLeast("runtime.agent-startup-timeout", agentStartupTimeout, Duration.ofSeconds(1));
        SettingChecks.atLeast("runtime.agent-shutdown-timeout", agentShutdownTimeout, Duration.ofSeconds(1));
        SettingChecks.notBlank("runtime.bind-address", bindAddress);
        SettingChecks.notBlank("runtime.log-level", logLevel);
        SettingChecks.atLeast("runtime.max-concurrent-starts", maxConcurrentStarts, 0);
    }

    /** The number of agents that may be starting at once. */
    public int startSlots() {
        return maxConcurrentStarts > 0
                ? maxConcurrentStarts
                : Runtime.getRuntime().availableProcessors();
    }
}
