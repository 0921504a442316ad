package dev.runtimeservice.manager.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Tells whether the TCP socket listening on a port belongs to an agent's process tree, from Linux's
 * {@code /proc/net/tcp*} and the tree's {@code /proc/<pid>/fd}. A port that was free when the manager gave it can
 * be taken by another process before the agent binds it (another manager, a build's training run, any program):
 * that process must not be taken for the agent, answering its readiness probe or receiving its shutdown request.
 */
final class PortOwner {

    /** Who listens on the port. */
    enum Owner {
        AGENT,
        OTHER,
        UNKNOWN
    }

    private static final List<Path> TABLES = List.of(Path.of("/proc/net/tcp"), Path.of("/proc/net/tcp6"));
    /** The state column's value for a listening socket. */
    private static final String LISTEN = "0A";

    private PortOwner() {}

    /**
     * Whether a socket listening on {@code port} is open in one of the tree's processes ({@code AGENT}), only in
     * others ({@code OTHER}), or cannot be told: no listener found, or no {@code /proc} ({@code UNKNOWN}).
     */
    static Owner of(int port, Stream<ProcessHandle> tree) {
        Set<String> sockets = listening(port);
        if (sockets.isEmpty()) {
            return Owner.UNKNOWN;
        }
        boolean readable = false;
        for (ProcessHandle process : tree.toList()) {
            Boolean holds = holdsAny(process.pid(), sockets);
            if (Boolean.TRUE.equals(holds)) {
                return Owner.AGENT;
            }
            readable |= holds != null;
        }
        return readable ? Owner.OTHER : Owner.UNKNOWN;
    }

    /** The {@code socket:[inode]} links of the sockets listening on the port. */
    private static Set<String> listening(int port) {
        String hexPort = ":" + String.format(Locale.ROOT, "%04X", port);
        Set<String> sockets = new HashSet<>();
        for (Path table : TABLES) {
            try (Stream<String> lines = Files.lines(table)) {
                lines.skip(1)
                        .map(String::trim)
                        .map(line -> line.split("\\s+"))
                        .filter(fields -> fields.length > 9 && fields[1].endsWith(hexPort) && LISTEN.equals(fields[3]))
                        .forEach(fields -> sockets.add("socket:[" + fields[9] + "]"));
            } catch (IOException | RuntimeException e) {
                // No such table (no IPv6, not Linux): the other one may still tell.
            }
        }
        return sockets;
    }

    /** Whether the process has one of the sockets open, or null if its descriptors cannot be read. */
    private static @Nullable Boolean holdsAny(long pid, Set<String> sockets) {
        try (Stream<Path> fds = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
            return fds.anyMatch(fd -> {
                try {
                    return sockets.contains(Files.readSymbolicLink(fd).toString());
                } catch (IOException e) {
                    return false;
                }
            });
        } catch (IOException e) {
            return null;
        }
    }
}
