package dev.runtimeservice.agent.vfs.api;

import dev.runtimeservice.agent.vfs.VfsProperties;
import dev.runtimeservice.agent.vfs.error.BadRequestException;
import dev.runtimeservice.agent.vfs.path.VirtualPath;
import dev.runtimeservice.agent.vfs.store.Deleted;
import dev.runtimeservice.agent.vfs.store.Entry;
import dev.runtimeservice.agent.vfs.store.FileStore;
import dev.runtimeservice.agent.vfs.store.Mover;
import dev.runtimeservice.agent.vfs.store.Page;
import dev.runtimeservice.agent.vfs.store.Preconditions;
import dev.runtimeservice.agent.vfs.store.Remover;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Folder and metadata operations: list, stat, mkdir, move and delete. */
@RestController
@RequestMapping("/fs")
class FilesController {

    private final FileStore store;
    private final Mover mover;
    private final Remover remover;
    private final VfsProperties limits;

    FilesController(FileStore store, Mover mover, Remover remover, VfsProperties limits) {
        this.store = store;
        this.mover = mover;
        this.remover = remover;
        this.limits = limits;
    }

    @GetMapping("/list")
    Page list(@RequestParam(required = false) @Nullable String path, @RequestParam(defaultValue = "0") int offset,
            @RequestParam(defaultValue = "100") int limit) {
        if (offset < 0 || limit < 1 || limit > limits.maxPageSize()) {
            throw new BadRequestException("offset must be 0 or more and limit between 1 and "
                    + limits.maxPageSize() + "; page on with the next_offset of the previous answer.");
        }
        return store.list(VirtualPath.parse(path), offset, limit);
    }

    @GetMapping("/stat")
    ResponseEntity<Entry> stat(@RequestParam(required = false) @Nullable String path) {
        Entry entry = store.stat(VirtualPath.parse(path));
        ResponseEntity.BodyBuilder answer = ResponseEntity.ok();
        if (entry.etag() != null) {
            answer.header(HttpHeaders.ETAG, entry.etag());
        }
        return answer.body(entry);
    }

    @PostMapping("/mkdir")
    ResponseEntity<Entry> mkdir(@RequestParam String path, @RequestParam(defaultValue = "false") boolean parents) {
        FileStore.Created folder = store.mkdir(VirtualPath.parse(path), parents);
        return ResponseEntity.status(folder.created() ? HttpStatus.CREATED : HttpStatus.OK).body(folder.entry());
    }

    @PostMapping("/move")
    Entry move(@RequestParam String from, @RequestParam String to,
            @RequestParam(defaultValue = "false") boolean overwrite) {
        return mover.move(VirtualPath.parse(from), VirtualPath.parse(to), overwrite);
    }

    @DeleteMapping("/entry")
    Deleted delete(@RequestParam String path, @RequestParam(defaultValue = "false") boolean recursive,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
        return remover.delete(VirtualPath.parse(path), recursive, new Preconditions(ifMatch, null));
    }
}
