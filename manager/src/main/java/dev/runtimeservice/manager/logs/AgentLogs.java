package dev.runtimeservice.manager.logs;

import dev.runtimeservice.manager.config.RuntimeProperties;
import dev.runtimeservice.manager.resources.SecretRedactor;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** Reads the end of an agent's log file, without reading the whole file. */
@Component
public class AgentLogs {

    private static final int CHUNK = 8192;
    private final Path directory;

    public AgentLogs(RuntimeProperties properties) {
        this.directory = properties.logDir().toAbsolutePath().normalize().resolve("agents");
    }

    /** The log file of an agent; the agent name must already be valid. */
    public Path file(String agent) {
        return directory.resolve(agent + ".log");
    }

    /** The last {@code count} lines of the agent's log, oldest first; empty if it has no log yet. */
    public List<String> tail(String agent, int count) {
        Path file = file(agent);
        if (count <= 0 || !Files.isRegularFile(file)) {
            return List.of();
        }
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            return lastLines(in, count);
        } catch (IOException e) {
            return List.of("(could not read " + file + ": " + e.getMessage() + ")");
        }
    }

    /**
     * The agent's log followed from now: its last {@code count} lines, then every new line as it is written, with
     * resource values masked, until its launch is over.
     *
     * @param eventStream as Server-Sent Events rather than plain lines
     * @param ending how the agent's launch ended, or null while it lives
     */
    public LogFollowSource follow(
            String agent,
            int count,
            SecretRedactor redactor,
            boolean eventStream,
            Supplier<@Nullable FollowEnd> ending) {
        Path file = file(agent);
        long end = 0;
        List<String> lines = List.of();
        if (Files.isRegularFile(file)) {
            try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
                end = in.length();
                lines = lastLines(in, count, end);
            } catch (IOException e) {
                lines = List.of("(could not read " + file + ": " + e.getMessage() + ")");
            }
        }
        return new LogFollowSource(agent, file, lines, end, redactor, eventStream, ending, LogFollowSource.END_GRACE);
    }

    private static List<String> lastLines(RandomAccessFile in, int count) throws IOException {
        return lastLines(in, count, in.length());
    }

    private static List<String> lastLines(RandomAccessFile in, int count, long end) throws IOException {
        long start = end;
        byte[] data = new byte[0];
        while (start > 0 && newlines(data) <= count) {
            int size = (int) Math.min(CHUNK, start);
            start -= size;
            byte[] chunk = new byte[size];
            in.seek(start);
            in.readFully(chunk);
            byte[] joined = Arrays.copyOf(chunk, size + data.length);
            System.arraycopy(data, 0, joined, size, data.length);
            data = joined;
        }
        List<String> lines =
                new ArrayList<>(new String(data, StandardCharsets.UTF_8).lines().toList());
        if (start > 0 && !lines.isEmpty()) {
            lines.remove(0); // the first line may have been cut by the chunk boundary
        }
        return List.copyOf(lines.subList(Math.max(0, lines.size() - count), lines.size()));
    }

    private static int newlines(byte[] data) {
        int lines = 0;
        for (byte b : data) {
            if (b == '\n') {
                lines++;
            }
        }
        return lines;
    }
}
