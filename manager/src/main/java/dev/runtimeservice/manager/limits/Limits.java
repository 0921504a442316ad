package dev.runtimeservice.manager.limits;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * What one agent may use, as {@code limits: {memory: 256Mi, cpu: 0.5, pids: 128}} in its {@code agent.yml} says:
 * the kernel kills it past {@code memory}, throttles it to {@code cpu} cores and refuses its forks past {@code pids}
 * processes and threads. An absent value is no limit.
 *
 * @param memory the memory limit as written (256Mi), or null
 * @param memoryBytes the same in bytes, or null
 * @param cpu the CPU limit in cores (0.5 is half of one core), or null
 * @param pids the most processes and threads its whole tree may have at once, or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Limits(
        @Nullable String memory,
        @JsonIgnore @Nullable Long memoryBytes,
        @Nullable Double cpu,
        @Nullable Integer pids) {

    /** No limit at all. */
    public static final Limits NONE = new Limits(null, null, null, null);

    /** Below this the JVM or Python cannot even start; a smaller limit is a typo. */
    static final long MIN_MEMORY = 4L << 20;

    private static final Pattern SIZE = Pattern.compile("(\\d+)(Ki|Mi|Gi|Ti|k|K|M|G|T)?");
    private static final Pattern MILLICORES = Pattern.compile("(\\d+)m");

    /** Whether any limit is set. */
    @JsonIgnore
    public boolean any() {
        return memoryBytes != null || cpu != null || pids != null;
    }

    /**
     * Reads the three values as {@code agent.yml} writes them.
     *
     * @throws IllegalArgumentException naming the bad value and what is expected instead
     */
    public static Limits parse(@Nullable String memory, @Nullable String cpu, @Nullable Integer pids) {
        Long bytes = memory == null ? null : bytes(memory.strip());
        Double cores = cpu == null ? null : cores(cpu.strip());
        if (pids != null && (pids < 8 || pids > 4_194_304)) {
            throw new IllegalArgumentException("'limits.pids' must be between 8 and 4194304, not " + pids);
        }
        return new Limits(memory == null ? null : memory.strip(), bytes, cores, pids);
    }

    private static long bytes(String text) {
        Matcher matcher = SIZE.matcher(text);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("'limits.memory' must be a size such as 256Mi, 1Gi, 500M or a number "
                    + "of bytes, not '" + text + "'");
        }
        long unit = switch (matcher.group(2) == null ? "" : matcher.group(2)) {
            case "Ki" -> 1L << 10;
            case "Mi" -> 1L << 20;
            case "Gi" -> 1L << 30;
            case "Ti" -> 1L << 40;
            case "k", "K" -> 1_000L;
            case "M" -> 1_000_000L;
            case "G" -> 1_000_000_000L;
            case "T" -> 1_000_000_000_000L;
            default -> 1L;
        };
        long value;
        try {
            value = Math.multiplyExact(Long.parseLong(matcher.group(1)), unit);
        } catch (ArithmeticException | NumberFormatException e) {
            throw new IllegalArgumentException("'limits.memory' is too large: '" + text + "'");
        }
        if (value < MIN_MEMORY) {
            throw new IllegalArgumentException("'limits.memory' must be at least 4Mi, not '" + text + "'");
        }
        return value;
    }

    private static double cores(String text) {
        Matcher millis = MILLICORES.matcher(text);
        double value;
        try {
            value = millis.matches() ? Integer.parseInt(millis.group(1)) / 1000.0 : Double.parseDouble(text);
        } catch (NumberFormatException e) {
            value = Double.NaN;
        }
        // 0.01 core is the least the kernel's 1 ms quota per 100 ms period can give.
        if (!(value >= 0.01 && value <= 1024)) {
            throw new IllegalArgumentException("'limits.cpu' must be a number of cores between 0.01 and 1024 (0.5, 2) "
                    + "or millicores (500m), not '" + text + "'");
        }
        return value;
    }

    /** The memory limit as the reason of an out-of-memory kill gives it. */
    String memoryText() {
        return memory != null ? memory : memoryBytes == null ? "none" : memoryBytes + " bytes";
    }

    @Override
    public String toString() {
        return String.format(
                Locale.ROOT,
                "memory %s, cpu %s, pids %s",
                memory == null ? "-" : memory,
                cpu == null ? "-" : cpu,
                pids == null ? "-" : pids);
    }
}
