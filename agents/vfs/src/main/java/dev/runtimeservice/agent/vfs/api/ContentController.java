package dev.runtimeservice.agent.vfs.api;

import dev.runtimeservice.agent.sdk.skill.Skills;
import dev.runtimeservice.agent.vfs.store.Entry;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Objects;
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

/**
 * Reads files (whole or one byte range) and writes them atomically, with ETags for concurrency, through the
 * {@code vfs.read} and {@code vfs.write} skills: the bytes stream between the request or response and the store,
 * never through JSON.
 */
@RestController
@RequestMapping("/fs/content")
class ContentController {

    private final Skills skills;

    ContentController(Skills skills) {
        this.skills = skills;
    }

    @GetMapping
    void read(
            @RequestParam(required = false) @Nullable String path,
            @RequestHeader(value = HttpHeaders.RANGE, required = false) @Nullable String range,
            @RequestHeader(value = HttpHeaders.IF_RANGE, required = false) @Nullable String ifRange,
            @RequestHeader(value = HttpHeaders.IF_NONE_MATCH, required = false) @Nullable String ifNoneMatch,
            HttpServletResponse response) {
        skills.call(
                "vfs.read", new VfsInputs.Read(path, range, ifRange, ifNoneMatch, new HttpResponseTarget(response)));
    }

    @PutMapping
    ResponseEntity<Entry> write(
            @RequestParam(required = false) @Nullable String path,
            @RequestParam(defaultValue = "false") boolean parents,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @RequestHeader(value = HttpHeaders.IF_NONE_MATCH, required = false) @Nullable String ifNoneMatch,
            HttpServletRequest request)
            throws IOException {
        VfsInputs.Body body = new VfsInputs.Body(request.getInputStream(), request.getContentLengthLong());
        VfsInputs.Written written = skills.data(
                "vfs.write",
                new VfsInputs.Write(path, null, parents, ifMatch, ifNoneMatch, body),
                VfsInputs.Written.class);
        return ResponseEntity.status(written.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .header(HttpHeaders.ETAG, Objects.requireNonNull(written.entry().etag(), "a file has an etag"))
                .body(written.entry());
    }
}
