package dev.runtimeservice.cli.text;

import java.time.Duration;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Numbers as an operator reads them: {@code 142.3 MiB}, {@code 3m12s}, {@code 0.4%}; {@code -} for none. */
public final class Units {

    /** What a cell shows when there is no value. */
    public static final String NONE = "-";

    private static final String[] BINARY = {"B", "KiB", "MiB", "GiB", "TiB"};

    private Units() {}

    /** Bytes in binary units with one decimal past KiB: {@code 512 B}, {@code 1.5 KiB}, {@code 142.3 MiB}. */
    public static String bytes(@Nullable Long bytes) {
        if (bytes == null || bytes < 0) {
            return NONE;
        }
        double value = bytes;
        int unit = 0;
        while (value >= 1024 && unit < BINARY.length - 1) {
            value /= 1024;
            unit++;
        }
        return unit == 0 ? bytes + " B" : String.format(Locale.ROOT, "%.1f %s", value, BINARY[unit]);
    }

    /** A duration in its two largest units: {@code 45s}, {@code 3m12s}, {@code 2h05m}, {@code 3d04h}. */
    public static String duration(@Nullable Duration duration) {
        if (duration == null || duration.isNegative()) {
            return NONE;
        }
        long seconds = duration.toSeconds();
        if (seconds < 60) {
            return seconds + "s";
        }
        if (seconds < 3600) {
            return String.format(Locale.ROOT, "%dm%02ds", seconds / 60, seconds % 60);
        }
        if (seconds < 86_400) {
            return String.format(Locale.ROOT, "%dh%02dm", seconds / 3600, seconds % 3600 / 60);
        }
        return String.format(Locale.ROOT, "%dd%02dh", seconds / 86_400, seconds % 86_400 / 3600);
    }

    /** A percentage with one decimal: {@code 0.4%}. */
    public static String percent(@Nullable Double percent) {
        return percent == null ? NONE : String.format(Locale.ROOT, "%.1f%%", percent);
    }

    /** A number, or {@code -}. */
    public static String number(@Nullable Number number) {
        return number == null ? NONE : number.toString();
    }
}
