package dev.runtimeservice.testsupport;

import dev.runtimeservice.common.net.Ports;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Ports for processes a test starts, chosen below the range the kernel gives outgoing connections.
 *
 * <p>A port from {@code new ServerSocket(0)} lies in that ephemeral range, and so does the local port of
 * every connection the tests, the manager and the agents open. Between the test choosing the port and the
 * child binding it (a JVM start, seconds), such a connection can take it, and the child then fails with
 * "Port ... was already in use" (seen in CI). Ports below the range are never handed out that way.
 */
public final class TestPorts {

    /** Where the search starts: above the ports services commonly use and the manager tests' fixed ranges (23xxx). */
    static final int LOWEST = 24000;

    private static final Path EPHEMERAL_RANGE = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
    /** Linux's default lower bound of the ephemeral range, for systems that do not tell. */
    private static final int DEFAULT_EPHEMERAL_START = 32768;
    /** Ports already handed out by this JVM, as [first, last] pairs, so two calls never overlap. */
    private static final List<int[]> HANDED_OUT = new ArrayList<>();

    private TestPorts() {}

    /** A port no process listens on now, below the ephemeral range and not handed out before. */
    public static int free() {
        return freeRange(1);
    }

    /**
     * The first of {@code count} consecutive ports below the ephemeral range and not handed out before, the
     * first of which no process listens on now: for a manager's {@code MIN_AGENT_PORT..MAX_AGENT_PORT}, whose
     * pool skips ports that are held.
     */
    public static synchronized int freeRange(int count) {
        int ceiling = ephemeralStart(EPHEMERAL_RANGE);
        int candidates = ceiling - LOWEST - count;
        if (candidates <= 0) {
            throw new IllegalStateException("No room for " + count + " ports between " + LOWEST
                    + " and the ephemeral range starting at " + ceiling);
        }
        int offset = ThreadLocalRandom.current().nextInt(candidates);
        for (int tried = 0; tried < candidates; tried++) {
            int first = LOWEST + (offset + tried) % candidates;
            int last = first + count - 1;
            if (!handedOut(first, last) && Ports.listenable(first)) {
                HANDED_OUT.add(new int[] {first, last});
                return first;
            }
        }
        throw new IllegalStateException("No free port between " + LOWEST + " and " + ceiling);
    }

    /** The lowest ephemeral port that {@code rangeFile} ("32768\t60999") names, or Linux's default. */
    static int ephemeralStart(Path rangeFile) {
        try {
            // readAllLines, not readString: on some kernels readString gets only the first byte of a /proc file.
            return Integer.parseInt(Files.readAllLines(rangeFile).get(0).trim().split("\\s+")[0]);
        } catch (IOException | RuntimeException unreadable) {
            return DEFAULT_EPHEMERAL_START;
        }
    }

    private static boolean handedOut(int first, int last) {
        return HANDED_OUT.stream().anyMatch(range -> first <= range[1] && range[0] <= last);
    }
}
