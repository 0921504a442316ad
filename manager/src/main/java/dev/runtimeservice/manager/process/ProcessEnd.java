package dev.runtimeservice.manager.process;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether a process has ended, zombies included. An agent taken over from an earlier manager is not this JVM's
 * child: when the earlier manager died it was handed to init (or a subreaper), which may reap it only later (seen:
 * 1.7 s in a microVM whose init reaps lazily), and until then the JDK counts the zombie as alive.
 */
public final class ProcessEnd {

    private ProcessEnd() {}

    public static boolean reached(ProcessHandle handle) {
        if (!handle.isAlive()) {
            return true;
        }
        // Read through a stream: a sized read of a /proc file can come back short.
        try (InputStream stat = Files.newInputStream(Path.of("/proc", Long.toString(handle.pid()), "stat"))) {
            String line = new String(stat.readAllBytes(), StandardCharsets.US_ASCII);
            // "pid (command) state ...": the command may hold spaces and parentheses, so look after the last ')'.
            int state = line.lastIndexOf(')') + 2;
            return state < line.length() && (line.charAt(state) == 'Z' || line.charAt(state) == 'X');
        } catch (IOException | RuntimeException e) {
            return !handle.isAlive();
        }
    }
}
