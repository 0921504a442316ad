package dev.runtimeservice.manager.port;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The ports the kernel gives the local end of outgoing connections. An agent port inside it can be taken by
 * any connection between the pool's check and the agent's bind, and the agent then fails to start with "Port
 * ... was already in use".
 */
record EphemeralPortRange(int first, int last) {

    static final Path LINUX = Path.of("/proc/sys/net/ipv4/ip_local_port_range");

    /** The range {@code file} ("32768\t60999") names; empty where there is no such file or it cannot be read. */
    static Optional<EphemeralPortRange> read(Path file) {
        try {
            // readAllLines, not readString: on some kernels readString gets only the first byte of a /proc file.
            String[] bounds = Files.readAllLines(file).get(0).trim().split("\\s+");
            return Optional.of(new EphemeralPortRange(Integer.parseInt(bounds[0]), Integer.parseInt(bounds[1])));
        } catch (IOException | RuntimeException unknown) {
            return Optional.empty();
        }
    }

    boolean overlaps(int min, int max) {
        return min <= last && first <= max;
    }

    @Override
    public String toString() {
        return first + "-" + last;
    }
}
