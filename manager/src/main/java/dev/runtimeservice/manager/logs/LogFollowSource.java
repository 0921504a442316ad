package dev.runtimeservice.manager.logs;

import dev.runtimeservice.manager.resources.SecretRedactor;
import dev.runtimeservice.manager.streaming.StreamSource;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * An agent's log file followed as it grows: its last lines first, then each new line, with resource values masked,
 * as plain text lines or as Server-Sent Events ({@code data: <line>}). The file is read only when the client can
 * take more, so a slow client holds nothing but its read position; when the log rolls over, the rest of the old
 * file is read (its channel stays open) before the new file. When the agent's launch is over (stopped, failed, or
 * not running at all) the rest of the file is sent, then one last line that says so (in an event named
 * {@code stopped} or {@code failed}), and the answer ends.
 */
public final class LogFollowSource implements StreamSource {

    private static final int READ = 64 * 1024;
    private static final byte[] HEARTBEAT = ": keep-alive\n\n".getBytes(StandardCharsets.UTF_8);
    // An agent's last lines reach its log file a moment after its state changes (they are copied from its output),
    // and a failed restart turns into a wait for the next one at once: the end must hold this long to count.
    static final Duration END_GRACE = Duration.ofSeconds(1);

    private final String agent;
    private final Path file;
    private final SecretRedactor redactor;
    private final boolean eventStream;
    private final Supplier<@Nullable FollowEnd> ending;
    private final long endGraceNanos;
    private long endSeenAt;
    private boolean sawItRun;
    private boolean finished;
    private List<String> pending;
    private @Nullable FileChannel channel;
    private @Nullable Object fileKey;
    private long position;

    /**
     * @param agent the agent's name
     * @param file the log file
     * @param firstLines the lines to send first (the end of the file up to {@code position})
     * @param position where new lines begin in the file as it is now
     * @param eventStream Server-Sent Events rather than plain lines
     * @param ending how the agent's launch ended, or null while it lives (starting, running, stopping, waiting for
     *     its restart)
     * @param endGrace how long the end must hold before the answer ends
     */
    LogFollowSource(
            String agent,
            Path file,
            List<String> firstLines,
            long position,
            SecretRedactor redactor,
            boolean eventStream,
            Supplier<@Nullable FollowEnd> ending,
            Duration endGrace) {
        this.agent = agent;
        this.file = file;
        this.pending = List.copyOf(firstLines);
        this.position = position;
        this.redactor = redactor;
        this.eventStream = eventStream;
        this.ending = ending;
        this.endGraceNanos = endGrace.toNanos();
    }

    @Override
    public byte @Nullable [] next() {
        if (finished) {
            return null;
        }
        List<String> lines = pending.isEmpty() ? newLines() : pending;
        pending = List.of();
        if (!lines.isEmpty()) {
            StringBuilder out = new StringBuilder();
            for (String line : redactor.redact(lines)) {
                out.append(eventStream ? "data: " + line + "\n\n" : line + "\n");
            }
            return out.toString().getBytes(StandardCharsets.UTF_8);
        }
        return lastLine();
    }

    /** The line that ends the answer, once the agent's launch has been over for a moment; else null. */
    private byte @Nullable [] lastLine() {
        FollowEnd end = ending.get();
        if (end == null) {
            sawItRun = true;
            endSeenAt = 0;
            return null;
        }
        long now = System.nanoTime();
        if (endSeenAt == 0) {
            endSeenAt = now;
        }
        if (now - endSeenAt < endGraceNanos) {
            return null;
        }
        finished = true;
        String reason = redactor.redact(List.of(String.valueOf(end.reason()))).get(0);
        String line = (end.failed()
                        ? "-- " + agent + " failed: " + reason + " --"
                        : "-- " + agent + (sawItRun ? " stopped" : " is not running") + ": its log ends here --")
                .replaceAll("\\R", " ");
        String text = eventStream
                ? "event: " + (end.failed() ? "failed" : "stopped") + "\ndata: " + line + "\n\n"
                : line + "\n";
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public boolean finished() {
        return finished;
    }

    private List<String> newLines() {
        try {
            FileChannel open = channel();
            if (open == null) {
                return List.of();
            }
            if (open.size() < position) {
                position = 0; // truncated in place
            }
            if (open.size() == position) {
                if (rolledOver()) {
                    closeChannel();
                    position = 0;
                    return newLines();
                }
                return List.of();
            }
            return read(open);
        } catch (IOException e) {
            closeChannel();
            return List.of("(could not read " + file + ": " + e.getMessage() + ")");
        }
    }

    private List<String> read(FileChannel open) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(READ);
        int count = open.read(buffer, position);
        if (count <= 0) {
            return List.of();
        }
        byte[] bytes = buffer.array();
        int end = count;
        while (end > 0 && bytes[end - 1] != '\n') {
            end--;
        }
        if (end == 0) {
            // A line still being written: wait for its end, unless it is longer than one read.
            if (count < READ) {
                return List.of();
            }
            end = count;
        }
        position += end;
        return new ArrayList<>(
                new String(bytes, 0, end, StandardCharsets.UTF_8).lines().toList());
    }

    private @Nullable FileChannel channel() throws IOException {
        if (channel == null) {
            try {
                channel = FileChannel.open(file, StandardOpenOption.READ);
                fileKey = Files.readAttributes(file, BasicFileAttributes.class).fileKey();
            } catch (NoSuchFileException notYet) {
                return null;
            }
        }
        return channel;
    }

    /** Whether the path now names another file than the one being read (logback rolled it over). */
    private boolean rolledOver() {
        try {
            Object now = Files.readAttributes(file, BasicFileAttributes.class).fileKey();
            return !Objects.equals(now, fileKey);
        } catch (IOException e) {
            return false; // between the rename and the new file: look again at the next tick
        }
    }

    @Override
    public byte @Nullable [] heartbeat() {
        return eventStream ? HEARTBEAT : null;
    }

    @Override
    public void close() {
        closeChannel();
    }

    private void closeChannel() {
        FileChannel open = channel;
        channel = null;
        if (open != null) {
            try {
                open.close();
            } catch (IOException ignored) {
                // nothing left to release
            }
        }
    }
}
