package dev.runtimeservice.agent.sdk.a2a;

import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the agent keeps and runs A2A tasks ({@code agent.a2a.*}).
 *
 * @param taskTimeToLive how long a task is kept after its last change
 * @param maxTasks the most tasks kept; past it the oldest finished ones go first
 * @param workers how many tasks run at once
 * @param queue how many tasks may wait for a worker; past it a new task is rejected
 * @param cancelWait how long CancelTask waits for a running skill to stop at its next safe point
 */
@Validated
@ConfigurationProperties("agent.a2a")
public record A2aProperties(
        @DefaultValue("24h") Duration taskTimeToLive,
        @DefaultValue("1000") @Min(1) int maxTasks,
        @DefaultValue("4") @Min(1) int workers,
        @DefaultValue("32") @Min(0) int queue,
        @DefaultValue("5s") Duration cancelWait) {}
