package dev.runtimeservice.manager.config;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Which agents the manager keeps in warm standby while they do not run ({@code AGENT_STANDBY}), and how much memory
 * their standbys may hold together ({@code AGENT_STANDBY_MEMORY}). A standby is a JVM per agent started ahead of its
 * launch, so that the launch starts it in a fraction of a second; each costs an idle JVM's memory while its agent
 * does not run, and a few CPU seconds when it is made.
 *
 * @param agents {@code auto} (the default): every agent of the catalog that can be kept in standby (a jar agent
 *     built on the agent SDK, with a fixed port), agents launched before first; {@code none} (or nothing): no
 *     standby; else the agents' names, each of which must be a jar agent with a fixed port
 * @param memory the most resident memory all standbys may hold together; by default a sixteenth of the memory of
 *     the machine (or of the container the manager runs in)
 */
@ConfigurationProperties("runtime.standby")
public record StandbyProperties(
        @DefaultValue("auto") List<String> agents, @Nullable DataSize memory) {

    /** {@code AGENT_STANDBY} value that keeps every agent that can be kept in standby. */
    public static final String AUTO = "auto";
    /** {@code AGENT_STANDBY} value that keeps none. */
    public static final String NONE = "none";
    /** The default budget is the machine's memory divided by this. */
    static final int DEFAULT_BUDGET_SHARE = 16;

    public StandbyProperties {
        agents = agents.stream()
                .map(String::strip)
                .filter(name -> !name.isEmpty())
                .distinct()
                .toList();
        if (agents.equals(List.of(NONE))) {
            agents = List.of();
        }
        if (memory != null && memory.isNegative()) {
            throw new InvalidSettingException(
                    "AGENT_STANDBY_MEMORY must not be negative (give a size such as 512MB or 2GB, or 0 for none)");
        }
    }

    /** Whether the standbys are every agent that can have one, rather than the ones named. */
    public boolean auto() {
        return agents.equals(List.of(AUTO));
    }

    /** The agents named, when not {@link #auto()}. */
    public List<String> named() {
        return auto() ? List.of() : agents;
    }

    /** Whether any agent may be kept in standby. */
    public boolean enabled() {
        return !agents.isEmpty() && memoryBudgetBytes() > 0;
    }

    /** The most resident memory, in bytes, that all standbys may hold together. */
    public long memoryBudgetBytes() {
        return memory != null ? memory.toBytes() : machineMemoryBytes() / DEFAULT_BUDGET_SHARE;
    }

    /** The memory of the machine, or of the container the manager runs in when that is smaller. */
    static long machineMemoryBytes() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof OperatingSystemMXBean os) {
            return os.getTotalMemorySize();
        }
        return Runtime.getRuntime().maxMemory() * 4;
    }
}
