package dev.runtimeservice.manager.limits;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * What an agent's whole process tree uses against its limits, as its cgroup counts it.
 *
 * @param memoryBytes memory charged to it now (page cache included, as the kernel's limit counts it)
 * @param oomKills how many of its processes the kernel killed for going over the memory limit
 * @param cpuThrottled how many 100 ms periods it was throttled in for using its CPU share up
 * @param cpuThrottledMillis how long it was held back in all
 * @param pids how many processes and threads it has now
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LimitUse(
        @Nullable Long memoryBytes,
        long oomKills,
        @Nullable Long cpuThrottled,
        @Nullable Long cpuThrottledMillis,
        @Nullable Long pids) {}
