package dev.runtimeservice.agent.sdk.lifecycle;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Closes the application on its own thread, after a short delay that lets the shutdown answer
 * reach the caller, then ends the process through the {@link ExitAction}.
 */
final class AgentShutdown {

    private static final Logger log = LoggerFactory.getLogger(AgentShutdown.class);

    private final ConfigurableApplicationContext context;
    private final AgentRuntime runtime;
    private final ExitAction exitAction;
    private final Duration delay;

    AgentShutdown(ConfigurableApplicationContext context, AgentRuntime runtime, ExitAction exitAction, Duration delay) {
        this.context = context;
        this.runtime = runtime;
        this.exitAction = exitAction;
        this.delay = delay;
    }

    void begin(String agentName) {
        if (!runtime.markStopping()) {
            return;
        }
        log.info("Agent {} (pid {}) is shutting down on request", agentName, runtime.pid());
        AvailabilityChangeEvent.publish(context, ReadinessState.REFUSING_TRAFFIC);
        Thread thread = new Thread(this::closeAndExit, "agent-shutdown");
        thread.setDaemon(false);
        thread.start();
    }

    private void closeAndExit() {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        int status = SpringApplication.exit(context);
        exitAction.exit(status);
    }
}
