package dev.runtimeservice.agent.vfs.api;

import dev.runtimeservice.agent.vfs.store.Entry;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * The target of {@code vfs.read} for {@code GET /fs/content}: every byte of the file or range, straight into the
 * response, after the status (200, 206 or 304) and the headers (ETag, Accept-Ranges, Content-Type, Last-Modified,
 * Content-Range, Content-Length).
 */
final class HttpResponseTarget implements ByteTarget {

    private final HttpServletResponse response;

    HttpResponseTarget(HttpServletResponse response) {
        this.response = response;
    }

    @Override
    public @Nullable OutputStream open(Delivery delivery) throws IOException {
        Entry entry = delivery.entry();
        response.setHeader(HttpHeaders.ETAG, entry.etag());
        response.setHeader(HttpHeaders.ACCEPT_RANGES, "bytes");
        response.setContentType(entry.contentType());
        if (entry.modified() != null) {
            response.setDateHeader(HttpHeaders.LAST_MODIFIED, entry.modified().toEpochMilli());
        }
        if (delivery.unchanged()) {
            response.setStatus(HttpStatus.NOT_MODIFIED.value());
            return null;
        }
        if (delivery.slice().isPresent()) {
            response.setStatus(HttpStatus.PARTIAL_CONTENT.value());
            response.setHeader(HttpHeaders.CONTENT_RANGE, delivery.slice().get().contentRange(delivery.size()));
        }
        response.setContentLengthLong(delivery.length());
        return response.getOutputStream();
    }

    @Override
    public long limit() {
        return Long.MAX_VALUE;
    }

    @Override
    public VfsInputs.Content content(Delivery delivery) {
        return new VfsInputs.Content(delivery.entry(), null, null, false); // the bytes are in the response
    }
}
