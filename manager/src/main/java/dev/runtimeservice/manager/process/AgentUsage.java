package dev.runtimeservice.manager.process;

import dev.runtimeservice.manager.limits.LimitUse;
import org.jspecify.annotations.Nullable;

/**
 * What an agent uses now, as its {@link AgentHost} measures it; each part is null when the host has no figure for it.
 *
 * @param cpuPercent CPU use over the last sample period, in percent of one core
 * @param memoryBytes resident memory of its process
 * @param limitUse what its whole tree uses against its limits, while it runs and they are enforced
 */
public record AgentUsage(
        @Nullable Double cpuPercent,
        @Nullable Long memoryBytes,
        @Nullable LimitUse limitUse) {

    /** No figure at all: a process that is not sampled and has no enforced limits. */
    public static final AgentUsage NONE = new AgentUsage(null, null, null);

    /** The same without the CPU and memory sample, which launch and stop answers do not show. */
    public AgentUsage withoutSample() {
        return new AgentUsage(null, null, limitUse);
    }
}
