package dev.runtimeservice.agent.vfs.api;

import dev.runtimeservice.agent.sdk.identity.AgentSkill;
import dev.runtimeservice.agent.sdk.skill.Skill;
import dev.runtimeservice.agent.sdk.skill.SkillResult;
import dev.runtimeservice.agent.vfs.VfsProperties;
import dev.runtimeservice.agent.vfs.error.BadRequestException;
import dev.runtimeservice.agent.vfs.path.VirtualPath;
import dev.runtimeservice.agent.vfs.search.SearchResult;
import dev.runtimeservice.agent.vfs.search.Searcher;
import dev.runtimeservice.agent.vfs.store.AtomicWriter;
import dev.runtimeservice.agent.vfs.store.Deleted;
import dev.runtimeservice.agent.vfs.store.Entry;
import dev.runtimeservice.agent.vfs.store.FileStore;
import dev.runtimeservice.agent.vfs.store.Mover;
import dev.runtimeservice.agent.vfs.store.Page;
import dev.runtimeservice.agent.vfs.store.Preconditions;
import dev.runtimeservice.agent.vfs.store.Remover;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The agent's skills, one per file operation, each declared once with its handler: the REST controllers and A2A
 * run the same code. {@code vfs.read} and {@code vfs.write} take the REST request's bytes as a stream and send the
 * response's bytes straight from the store (with ranges and ETags); over A2A they carry text (or base64) in a data
 * part.
 */
@Configuration(proxyBeanMethods = false)
class VfsSkills {

    private static final List<String> JSON = List.of("application/json");
    private static final List<String> ANY = List.of("*/*");

    private final FileStore store;
    private final VfsProperties limits;

    VfsSkills(FileStore store, VfsProperties limits) {
        this.store = store;
        this.limits = limits;
    }

    @Bean
    Skill<VfsInputs.ListFolder> listSkill() {
        return Skill.of(
                new AgentSkill(
                        "vfs.list",
                        "List a folder",
                        "Lists a folder of the sandboxed file tree, sorted by name, with each entry's type, size and "
                                + "modified time; pages with offset and limit. GET "
                                + "/fs/list?path=<folder>&offset=0&limit=100; "
                                + "the root (no path) also shows the mounts. A2A: {\"path\", \"offset\", \"limit\"}.",
                        List.of("files", "list", "folder", "ls"),
                        List.of("GET /fs/list", "GET /fs/list?path=docs&offset=0&limit=50", "{\"path\": \"docs\"}")),
                VfsInputs.ListFolder.class,
                Page.class,
                (input, context) -> {
                    int offset = input.offset() == null ? 0 : input.offset();
                    int limit = input.limit() == null ? 100 : input.limit();
                    if (offset < 0 || limit < 1 || limit > limits.maxPageSize()) {
                        throw new BadRequestException("offset must be 0 or more and limit between 1 and "
                                + limits.maxPageSize() + "; page on with the next_offset of the previous answer.");
                    }
                    Page page = store.list(VirtualPath.parse(input.path()), offset, limit);
                    return new SkillResult(lines(page.entries()), page);
                });
    }

    @Bean
    Skill<VfsInputs.OnePath> statSkill() {
        return Skill.of(
                new AgentSkill(
                        "vfs.stat",
                        "Describe a file or folder",
                        "Returns type, size, modified time, ETag and content type of one path. GET "
                                + "/fs/stat?path=<path>. "
                                + "A2A: {\"path\"}.",
                        List.of("files", "stat", "metadata"),
                        List.of("GET /fs/stat?path=docs/readme.md", "{\"path\": \"docs/readme.md\"}")),
                VfsInputs.OnePath.class,
                Entry.class,
                (input, context) -> {
                    Entry entry = store.stat(VirtualPath.parse(input.path()));
                    return new SkillResult(line(entry), entry);
                });
    }

    @Bean
    Skill<VfsInputs.Read> readSkill() {
        return Skill.of(
                new AgentSkill(
                        "vfs.read",
                        "Read a file",
                        "Returns a file's bytes with its content type and ETag; a Range header (bytes=0-99) returns "
                                + "one byte range with 206, If-None-Match with the current ETag 304. GET "
                                + "/fs/content?path=<file>. A2A: {\"path\", \"range\", \"if_range\", "
                                + "\"if_none_match\"} answers the text (or base64 bytes) of the first MiB of the file "
                                + "or range.",
                        List.of("files", "read", "download", "range"),
                        List.of(
                                "GET /fs/content?path=docs/readme.md",
                                "GET /fs/content?path=data.bin with Range: bytes=0-1023",
                                "{\"path\": \"docs/readme.md\"}",
                                "{\"path\": \"data.bin\", \"range\": \"bytes=1048576-\"}"),
                        JSON,
                        ANY),
                VfsInputs.Read.class,
                VfsInputs.Content.class,
                (input, context) -> {
                    VfsInputs.Content content = FileReads.read(store.file(VirtualPath.parse(input.path())), input);
                    return new SkillResult(readText(content), content);
                });
    }

    @Bean
    Skill<VfsInputs.Write> writeSkill(AtomicWriter writer) {
        return Skill.of(
                new AgentSkill(
                        "vfs.write",
                        "Write a file",
                        "Creates or replaces a file atomically with the request body (any bytes); parents=true creates "
                                + "missing folders; If-Match: <etag> rejects the write with 412 if the file changed, "
                                + "If-None-Match: * only creates. PUT /fs/content?path=<file>. A2A: {\"path\", "
                                + "\"text\", \"parents\", \"if_match\", \"if_none_match\"} writes the text as UTF-8 "
                                + "and answers the file's stat and whether it was created.",
                        List.of("files", "write", "upload", "save", "atomic"),
                        List.of(
                                "PUT /fs/content?path=notes/today.md&parents=true with the text as body",
                                "{\"path\": \"notes/today.md\", \"text\": \"Hello\", \"parents\": true}"),
                        ANY,
                        JSON),
                VfsInputs.Write.class,
                VfsInputs.Written.class,
                (input, context) -> {
                    VfsInputs.Body body = bodyOf(input);
                    FileStore.Created written = writer.write(
                            VirtualPath.parse(input.path()),
                            body.stream(),
                            body.length(),
                            new Preconditions(input.ifMatch(), input.ifNoneMatch()),
                            Boolean.TRUE.equals(input.parents()));
                    return new SkillResult(
                            (written.created() ? "Created " : "Replaced ") + line(written.entry()),
                            new VfsInputs.Written(written.entry(), written.created()));
                });
    }

    /** The bytes to write: the REST request's body as it streams in, or the text of an A2A message as UTF-8. */
    private static VfsInputs.Body bodyOf(VfsInputs.Write input) {
        if (input.body() != null) {
            return input.body();
        }
        if (input.text() == null) {
            throw new BadRequestException("The file's content is missing: give it as \"text\" (written as UTF-8).");
        }
        byte[] bytes = input.text().getBytes(StandardCharsets.UTF_8);
        return new VfsInputs.Body(new ByteArrayInputStream(bytes), bytes.length);
    }

    private static String readText(VfsInputs.Content content) {
        Entry entry = content.entry();
        if (content.text() != null) {
            return content.text();
        }
        if (content.base64() != null) {
            return "Binary file " + entry.path() + " (" + entry.size() + " bytes)";
        }
        return "Unchanged: " + entry.path() + " still has ETag " + entry.etag() + ".";
    }

    @Bean
    Skill<VfsInputs.MakeFolder> mkdirSkill() {
        return Skill.of(
                new AgentSkill(
                        "vfs.mkdir",
                        "Create a folder",
                        "Creates a folder; parents=true creates missing parents; an existing folder is answered with "
                                + "200. "
                                + "POST /fs/mkdir?path=<folder>. A2A: {\"path\", \"parents\"}.",
                        List.of("files", "mkdir", "folder"),
                        List.of("POST /fs/mkdir?path=projects/2025&parents=true", "{\"path\": \"projects\"}")),
                VfsInputs.MakeFolder.class,
                FileStore.Created.class,
                (input, context) -> {
                    FileStore.Created folder =
                            store.mkdir(VirtualPath.parse(input.path()), Boolean.TRUE.equals(input.parents()));
                    return new SkillResult(
                            (folder.created() ? "Created " : "Already there: ") + line(folder.entry()), folder);
                });
    }

    @Bean
    Skill<VfsInputs.Move> moveSkill(Mover mover) {
        return Skill.of(
                new AgentSkill(
                        "vfs.move",
                        "Move or rename",
                        "Moves or renames a file or folder; overwrite=true replaces an existing file or empty folder. "
                                + "POST /fs/move?from=<path>&to=<new path>. A2A: {\"from\", \"to\", \"overwrite\"}.",
                        List.of("files", "move", "rename", "mv"),
                        List.of(
                                "POST /fs/move?from=draft.md&to=docs/final.md",
                                "{\"from\": \"draft.md\", \"to\": \"final.md\"}")),
                VfsInputs.Move.class,
                Entry.class,
                (input, context) -> {
                    Entry moved = mover.move(
                            VirtualPath.parse(input.from()),
                            VirtualPath.parse(input.to()),
                            Boolean.TRUE.equals(input.overwrite()));
                    return new SkillResult("Moved to " + line(moved), moved);
                });
    }

    @Bean
    Skill<VfsInputs.Delete> deleteSkill(Remover remover) {
        return Skill.of(
                new AgentSkill(
                        "vfs.delete",
                        "Delete a file or folder",
                        "Deletes a file, or a folder with everything in it only when recursive=true. "
                                + "DELETE /fs/entry?path=<path>. A2A: {\"path\", \"recursive\", \"if_match\"}.",
                        List.of("files", "delete", "remove", "rm"),
                        List.of("DELETE /fs/entry?path=old.txt", "DELETE /fs/entry?path=tmp&recursive=true")),
                VfsInputs.Delete.class,
                Deleted.class,
                (input, context) -> {
                    Deleted deleted = remover.delete(
                            VirtualPath.parse(input.path()),
                            Boolean.TRUE.equals(input.recursive()),
                            new Preconditions(input.ifMatch(), null));
                    return new SkillResult(
                            "Deleted " + deleted.path() + ": " + deleted.files() + " files, " + deleted.folders()
                                    + " folders.",
                            deleted);
                });
    }

    @Bean
    Skill<VfsInputs.Search> searchSkill(Searcher searcher) {
        return Skill.of(
                new AgentSkill(
                        "vfs.search",
                        "Search files",
                        "Finds files and folders below a folder by glob (**/*.md) and/or by text content "
                                + "(case-insensitive "
                                + "unless case_sensitive=true), with the matching lines. GET "
                                + "/fs/search?path=<folder>&glob="
                                + "<glob>&text=<text>. A2A: {\"path\", \"glob\", \"text\", \"case_sensitive\", "
                                + "\"limit\"}.",
                        List.of("files", "search", "glob", "grep", "find"),
                        List.of(
                                "GET /fs/search?glob=**/*.md",
                                "GET /fs/search?path=docs&text=invoice",
                                "{\"glob\": \"**/*.md\", \"text\": \"kendra\"}")),
                VfsInputs.Search.class,
                SearchResult.class,
                (input, context) -> {
                    int limit = input.limit() == null ? 100 : input.limit();
                    if (limit < 1 || limit > limits.maxSearchResults()) {
                        throw new BadRequestException("limit must be between 1 and " + limits.maxSearchResults() + ".");
                    }
                    SearchResult result = searcher.search(
                            VirtualPath.parse(input.path()),
                            input.glob(),
                            input.text(),
                            Boolean.TRUE.equals(input.caseSensitive()),
                            limit);
                    return new SkillResult(result.hits().size() + " matches below /" + result.path(), result);
                });
    }

    private static String lines(List<Entry> entries) {
        return entries.isEmpty()
                ? "The folder is empty."
                : entries.stream().map(VfsSkills::line).collect(Collectors.joining("\n"));
    }

    private static String line(Entry entry) {
        return entry.path() + " (" + entry.type() + ", " + entry.size() + " bytes)";
    }
}
