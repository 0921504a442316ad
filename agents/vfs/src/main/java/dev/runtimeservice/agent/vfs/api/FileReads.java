package dev.runtimeservice.agent.vfs.api;

import dev.runtimeservice.agent.vfs.store.Entry;
import dev.runtimeservice.agent.vfs.store.Etags;
import dev.runtimeservice.agent.vfs.store.FileStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.util.Optional;

/**
 * The work of {@code vfs.read}, whoever asks: opens the file, applies the range and the conditions (If-Range,
 * If-None-Match), and copies the bytes into the caller's {@link ByteTarget}.
 */
final class FileReads {

    private FileReads() {}

    static VfsInputs.Content read(FileStore.ReadableFile file, VfsInputs.Read input) throws IOException {
        Entry entry = file.entry();
        ByteTarget target = input.target() == null ? new FirstBytes() : input.target();
        try (SeekableByteChannel channel = Files.newByteChannel(file.real())) {
            // The size of the opened file, not of the name: a concurrent write renames a new file in.
            long size = channel.size();
            String range = input.range();
            Optional<ByteRange> slice =
                    range != null && (input.ifRange() == null || input.ifRange().equals(entry.etag()))
                            ? ByteRange.parse(range, size)
                            : Optional.empty();
            boolean unchanged = input.ifNoneMatch() != null && Etags.matches(input.ifNoneMatch(), entry.etag());
            ByteTarget.Delivery delivery = new ByteTarget.Delivery(entry, size, slice, unchanged);
            OutputStream out = target.open(delivery);
            if (out != null) {
                copy(channel, delivery.start(), Math.min(delivery.length(), target.limit()), out);
            }
            return target.content(delivery);
        }
    }

    private static void copy(SeekableByteChannel channel, long start, long length, OutputStream out)
            throws IOException {
        InputStream in = Channels.newInputStream(channel);
        try {
            channel.position(start);
        } catch (UnsupportedOperationException e) {
            // Zip entries cannot seek; skipping reads through the compressed bytes instead.
            in.skipNBytes(start);
        }
        byte[] buffer = new byte[64 * 1024];
        long left = length;
        while (left > 0) {
            int read = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (read < 0) {
                break;
            }
            out.write(buffer, 0, read);
            left -= read;
        }
    }
}
