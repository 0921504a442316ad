package dev.runtimeservice.manager.config;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.convert.DurationUnit;
import org.springframework.validation.annotation.Validated;

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
@Validated
@ConfigurationProperties("runtime")
public record RuntimeProperties(
        boolean debug,
        @Min(1) @Max(65535) int minAgentPort,
        @Min(1) @Max(65535) int maxAgentPort,
        @NotNull Path agentsDir,
        @NotNull Path logDir,

        @NotNull @DurationMin(seconds = 1) @DurationUnit(ChronoUnit.SECONDS)
        Duration agentStartupTimeout,

        @NotNull @DurationMin(seconds = 1) @DurationUnit(ChronoUnit.SECONDS)
        Duration agentShutdownTimeout,

        @NotBlank String bindAddress,
        @NotBlank String logLevel,
        @Min(0) int maxConcurrentStarts) {

    /** The number of agents that may be starting at once. */
    public int startSlots() {
        return maxConcurrentStarts > 0
                ? maxConcurrentStarts
                : Runtime.getRuntime().availableProcessors();
    }

    /** Bean Validation reads this as the property {@code portRangeValid}. */
    @AssertTrue(message = "must not be greater than MAX_AGENT_PORT")
    public boolean isPortRangeValid() {
        return minAgentPort <= maxAgentPort;
    }
}
