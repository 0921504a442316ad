package dev.runtimeservice.agent.sdk.lifecycle;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;

/** Logs one sentence when the agent is ready: its name, port, pid and start-up time. */
final class StartupLog implements ApplicationListener<ApplicationReadyEvent> {

    private static final Logger log = LoggerFactory.getLogger(StartupLog.class);

    private final String name;
    private final AgentRuntime runtime;

    StartupLog(String name, AgentRuntime runtime) {
        this.name = name;
        this.runtime = runtime;
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        log.info(
                "Agent {} ready on port {} (pid {}) in {} ms",
                name,
                runtime.port(),
                runtime.pid(),
                runtime.uptime().toMillis());
    }
}
