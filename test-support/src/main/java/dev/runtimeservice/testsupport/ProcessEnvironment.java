package dev.runtimeservice.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** The environment of a running process, read from Linux's {@code /proc/<pid>/environ}. */
public final class ProcessEnvironment {

    private ProcessEnvironment() {}

    /**
     * Reads a process's environment variables.
     *
     * @param pid the process
     * @return its variables; empty when the process is gone or its environment cannot be read
     */
    public static Map<String, String> of(long pid) {
        // Read as a stream to its end: a sized read of a /proc file can come back short on some kernels.
        try (InputStream in = Files.newInputStream(Path.of("/proc", Long.toString(pid), "environ"))) {
            Map<String, String> variables = new HashMap<>();
            for (String entry : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\0")) {
                int equals = entry.indexOf('=');
                if (equals > 0) {
                    variables.put(entry.substring(0, equals), entry.substring(equals + 1));
                }
            }
            return variables;
        } catch (IOException | SecurityException e) {
            return Map.of();
        }
    }
}
