package dev.runtimeservice.manager.process;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A process's CPU time and resident memory read from its one {@code /proc/<pid>/stat} line: about 20 microseconds a
 * process, where OSHI's full process record took 2-4 ms each (a second of sampling 50 agents took 80-200 ms).
 *
 * @param cpuNanos user plus system CPU time so far
 * @param residentBytes resident set size
 */
record ProcStat(long cpuNanos, long residentBytes) {

    private static final Path PROC = Path.of("/proc");
    /** The fields after the command's closing parenthesis: state is 0, utime 11, stime 12, rss 21. */
    private static final int UTIME = 11;

    private static final int STIME = 12;
    private static final int RSS = 21;
    /** The kernel's clock ticks per second and page size, from {@code /proc/self/auxv} (no JNA, unlike OSHI's). */
    private static final long[] TICKS_AND_PAGE = ticksAndPageSize();

    /** Whether this system has a Linux /proc to read. */
    static boolean available() {
        return Files.isReadable(PROC.resolve("self/stat"));
    }

    /** The process's figures now, or empty once it has exited. */
    static Optional<ProcStat> read(long pid) {
        String line;
        try {
            line = Files.readString(PROC.resolve(pid + "/stat"), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            return Optional.empty();
        }
        // The command may hold spaces and parentheses: the fields start after the last ')'.
        String[] fields = line.substring(line.lastIndexOf(')') + 2).trim().split(" ");
        if (fields.length <= RSS) {
            return Optional.empty();
        }
        long ticks = Long.parseLong(fields[UTIME]) + Long.parseLong(fields[STIME]);
        return Optional.of(new ProcStat(
                ticks * 1_000_000_000L / TICKS_AND_PAGE[0], Long.parseLong(fields[RSS]) * TICKS_AND_PAGE[1]));
    }

    /**
     * AT_CLKTCK (17) and AT_PAGESZ (6) of the auxiliary vector the kernel gives every process: pairs of native words.
     * Linux's usual 100 and 4096 where it cannot be read.
     */
    private static long[] ticksAndPageSize() {
        long[] found = {100, 4096};
        try {
            ByteBuffer vector = ByteBuffer.wrap(Files.readAllBytes(PROC.resolve("self/auxv")))
                    .order(ByteOrder.nativeOrder());
            boolean wide = !"32".equals(System.getProperty("sun.arch.data.model"));
            int pair = wide ? 16 : 8;
            while (vector.remaining() >= pair) {
                long key = wide ? vector.getLong() : vector.getInt();
                long value = wide ? vector.getLong() : vector.getInt() & 0xffffffffL;
                if (key == 17 && value > 0) {
                    found[0] = value;
                } else if (key == 6 && value > 0) {
                    found[1] = value;
                }
            }
        } catch (IOException e) {
            // No /proc/self/auxv: the usual values.
        }
        return found;
    }
}
