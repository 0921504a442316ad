package dev.runtimeservice.manager.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import oshi.software.os.linux.LinuxOperatingSystem;

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
                ticks * 1_000_000_000L / LinuxOperatingSystem.getHz(),
                Long.parseLong(fields[RSS]) * LinuxOperatingSystem.getPageSize()));
    }
}
