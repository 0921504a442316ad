package dev.runtimeservice.manager.agent;

import dev.runtimeservice.manager.scheduling.DaemonScheduler;
import java.time.Clock;
import java.util.concurrent.ScheduledExecutorService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The time agents live by: the clock launches, backoffs and restarts are timed with, and the thread restarts and
 * liveness probes run on. Fast tests give a fake clock and a scheduler they run by hand instead.
 */
@Configuration(proxyBeanMethods = false)
public class AgentTiming {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean(destroyMethod = "shutdownNow")
    ScheduledExecutorService supervisionScheduler() {
        return DaemonScheduler.named("agent-supervisor");
    }
}
