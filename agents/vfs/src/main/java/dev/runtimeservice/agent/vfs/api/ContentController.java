package dev.runtimeservice.agent.vfs.api;

import dev.runtimeservice.agent.vfs.path.VirtualPath;
import dev.runtimeservice.agent.vfs.store.AtomicWriter;
import dev.runtimeservice.agent.vfs.store.Entry;
import dev.runtimeservice.agent.vfs.store.Etags;
import dev.runtimeservice.agent.vfs.store.FileStore;
import dev.runtimeservice.agent.vfs.store.Preconditions;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Reads files (whole or one byte range) and writes them atomically, with ETags for concurrency. */
@RestController
@RequestMapping("/fs/content")
class ContentController {

    private final FileStore store;
    private final AtomicWriter writer;

    ContentController(FileStore store, AtomicWriter writer) {
        this.store = store;
        this.writer = writer;
    }

    @GetMapping
    void read(
            @RequestParam(required = false) @Nullable String path,
            @RequestHeader(value = HttpHeaders.RANGE, required = false) @Nullable String range,
            @RequestHeader(value = HttpHeaders.IF_RANGE, required = false) @Nullable String ifRange,
            @RequestHeader(value = HttpHeaders.IF_NONE_MATCH, required = false) @Nullable String ifNoneMatch,
            HttpServletResponse response)
            throws IOException {
        FileStore.ReadableFile file = store.file(VirtualPath.parse(path));
        Entry entry = file.entry();
        try (SeekableByteChannel channel = Files.newByteChannel(file.real())) {
            // The size of the opened file, not of the name: a concurrent write renames a new file in.
            long size = channel.size();
            Optional<ByteRange> slice = range != null && (ifRange == null || ifRange.equals(entry.etag()))
                    ? ByteRange.parse(range, size)
                    : Optional.empty();
            headers(response, entry);
            if (ifNoneMatch != null && Etags.matches(ifNoneMatch, entry.etag())) {
                response.setStatus(HttpStatus.NOT_MODIFIED.value());
                return;
            }
            long start = slice.map(ByteRange::start).orElse(0L);
            long length = slice.map(ByteRange::length).orElse(size);
            if (slice.isPresent()) {
                response.setStatus(HttpStatus.PARTIAL_CONTENT.value());
                response.setHeader(HttpHeaders.CONTENT_RANGE, slice.get().contentRange(size));
            }
            response.setContentLengthLong(length);
            copy(channel, start, length, response.getOutputStream());
        }
    }

    private static void headers(HttpServletResponse response, Entry entry) {
        response.setHeader(HttpHeaders.ETAG, entry.etag());
        response.setHeader(HttpHeaders.ACCEPT_RANGES, "bytes");
        response.setContentType(entry.contentType());
        if (entry.modified() != null) {
            response.setDateHeader(HttpHeaders.LAST_MODIFIED, entry.modified().toEpochMilli());
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

    @PutMapping
    ResponseEntity<Entry> write(
            @RequestParam(required = false) @Nullable String path,
            @RequestParam(defaultValue = "false") boolean parents,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @RequestHeader(value = HttpHeaders.IF_NONE_MATCH, required = false) @Nullable String ifNoneMatch,
            HttpServletRequest request)
            throws IOException {
        FileStore.Created written = writer.write(
                VirtualPath.parse(path),
                request.getInputStream(),
                request.getContentLengthLong(),
                new Preconditions(ifMatch, ifNoneMatch),
                parents);
        return ResponseEntity.status(written.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .header(HttpHeaders.ETAG, written.entry().etag())
                .body(written.entry());
    }
}
