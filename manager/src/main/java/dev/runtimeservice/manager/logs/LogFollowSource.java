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
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An agent's log file followed as it grows: its last lines first, then each new line, with resource values masked,
 * as plain text lines or as Server-Sent Events ({@code data: <line>}). The file is read only when the client can
 * take more, so a slow client holds nothing but its read position; when the log rolls over, the rest of the old
 * file is read (its channel stays open) before the new file.
 */
public final class LogFollowSource implements StreamSource {

    private static final int READ = 64 * 1024;
    private static final byte[] HEARTBEAT = ": keep-alive\n\n".getBytes(StandardCharsets.UTF_8);

    private final Path file;
    private final SecretRedactor redactor;
    private final boolean eventStream;
    private List<String> pending;
    private @Nullable FileChannel channel;
    private @Nullable Object fileKey;
    private long position;

    /**
     * @param file the log file
     * @param firstLines the lines to send first (the end of the file up to {@code position})
     * @param position where new lines begin in the file as it is now
     * @param eventStream Server-Sent Events rather than plain lines
     */
    LogFollowSource(Path file, List<String> firstLines, long position, SecretRedactor redactor, boolean eventStream) {
        this.file = file;
        this.pending = List.copyOf(firstLines);
        this.position = position;
        this.redactor = redactor;
        this.eventStream = eventStream;
    }

    @Override
    public byte @Nullable [] next() {
        List<String> lines = pending.isEmpty() ? newLines() : pending;
        pending = List.of();
        if (lines.isEmpty()) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        for (String line : redactor.redact(lines)) {
            out.append(eventStream ? "data: " + line + "\n\n" : line + "\n");
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
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
