package dev.runtimeservice.agent.vfs.api;

import dev.runtimeservice.agent.sdk.skill.Skills;
import dev.runtimeservice.agent.vfs.store.Deleted;
import dev.runtimeservice.agent.vfs.store.Entry;
import dev.runtimeservice.agent.vfs.store.FileStore;
import dev.runtimeservice.agent.vfs.store.Page;
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

/** Folder and metadata operations: list, stat, mkdir, move and delete, each through its skill. */
@RestController
@RequestMapping("/fs")
class FilesController {

    private final Skills skills;

    FilesController(Skills skills) {
        this.skills = skills;
    }

    @GetMapping("/list")
    Page list(
            @RequestParam(required = false) @Nullable String path,
            @RequestParam(defaultValue = "0") int offset,
            @RequestParam(defaultValue = "100") int limit) {
        return skills.data("vfs.list", new VfsInputs.ListFolder(path, offset, limit), Page.class);
    }

    @GetMapping("/stat")
    ResponseEntity<Entry> stat(@RequestParam(required = false) @Nullable String path) {
        Entry entry = skills.data("vfs.stat", new VfsInputs.OnePath(path), Entry.class);
        ResponseEntity.BodyBuilder answer = ResponseEntity.ok();
        if (entry.etag() != null) {
            answer.header(HttpHeaders.ETAG, entry.etag());
        }
        return answer.body(entry);
    }

    @PostMapping("/mkdir")
    ResponseEntity<Entry> mkdir(@RequestParam String path, @RequestParam(defaultValue = "false") boolean parents) {
        FileStore.Created folder =
                skills.data("vfs.mkdir", new VfsInputs.MakeFolder(path, parents), FileStore.Created.class);
        return ResponseEntity.status(folder.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(folder.entry());
    }

    @PostMapping("/move")
    Entry move(
            @RequestParam String from,
            @RequestParam String to,
            @RequestParam(defaultValue = "false") boolean overwrite) {
        return skills.data("vfs.move", new VfsInputs.Move(from, to, overwrite), Entry.class);
    }

    @DeleteMapping("/entry")
    Deleted delete(
            @RequestParam String path,
            @RequestParam(defaultValue = "false") boolean recursive,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
        return skills.data("vfs.delete", new VfsInputs.Delete(path, recursive, ifMatch), Deleted.class);
    }
}
