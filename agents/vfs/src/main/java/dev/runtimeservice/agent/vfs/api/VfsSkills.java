package dev.runtimeservice.agent.vfs.api;

import dev.runtimeservice.agent.sdk.identity.AgentSkill;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The agent card's skills: one per file operation, each with the HTTP call that performs it. */
@Configuration(proxyBeanMethods = false)
class VfsSkills {

    private static final List<String> JSON = List.of("application/json");
    private static final List<String> ANY = List.of("*/*");

    @Bean
    AgentSkill listSkill() {
        return new AgentSkill("vfs.list", "List a folder",
                "Lists a folder of the sandboxed file tree, sorted by name, with each entry's type, size and "
                        + "modified time; pages with offset and limit. GET /fs/list?path=<folder>&offset=0&limit=100; "
                        + "the root (no path) also shows the mounts.",
                List.of("files", "list", "folder", "ls"),
                List.of("GET /fs/list", "GET /fs/list?path=docs&offset=0&limit=50", "List the files in docs"));
    }

    @Bean
    AgentSkill statSkill() {
        return new AgentSkill("vfs.stat", "Describe a file or folder",
                "Returns type, size, modified time, ETag and content type of one path. GET /fs/stat?path=<path>.",
                List.of("files", "stat", "metadata"),
                List.of("GET /fs/stat?path=docs/readme.md", "How big is docs/readme.md?"));
    }

    @Bean
    AgentSkill readSkill() {
        return new AgentSkill("vfs.read", "Read a file",
                "Returns a file's bytes with its content type and ETag; a Range header (bytes=0-99) returns one "
                        + "byte range with 206. GET /fs/content?path=<file>.",
                List.of("files", "read", "download", "range"),
                List.of("GET /fs/content?path=docs/readme.md", "GET /fs/content?path=data.bin with Range: bytes=0-1023"),
                JSON, ANY);
    }

    @Bean
    AgentSkill writeSkill() {
        return new AgentSkill("vfs.write", "Write a file",
                "Creates or replaces a file atomically with the request body (any bytes); parents=true creates "
                        + "missing folders; If-Match: <etag> rejects the write with 412 if the file changed, "
                        + "If-None-Match: * only creates. PUT /fs/content?path=<file>.",
                List.of("files", "write", "upload", "save", "atomic"),
                List.of("PUT /fs/content?path=notes/today.md&parents=true with the text as body",
                        "Save this text as notes/today.md"),
                ANY, JSON);
    }

    @Bean
    AgentSkill mkdirSkill() {
        return new AgentSkill("vfs.mkdir", "Create a folder",
                "Creates a folder; parents=true creates missing parents; an existing folder is answered with 200. "
                        + "POST /fs/mkdir?path=<folder>.",
                List.of("files", "mkdir", "folder"),
                List.of("POST /fs/mkdir?path=projects/2025&parents=true", "Create the folder projects"));
    }

    @Bean
    AgentSkill moveSkill() {
        return new AgentSkill("vfs.move", "Move or rename",
                "Moves or renames a file or folder; overwrite=true replaces an existing file or empty folder. "
                        + "POST /fs/move?from=<path>&to=<new path>.",
                List.of("files", "move", "rename", "mv"),
                List.of("POST /fs/move?from=draft.md&to=docs/final.md", "Rename draft.md to final.md"));
    }

    @Bean
    AgentSkill deleteSkill() {
        return new AgentSkill("vfs.delete", "Delete a file or folder",
                "Deletes a file, or a folder with everything in it only when recursive=true. "
                        + "DELETE /fs/entry?path=<path>.",
                List.of("files", "delete", "remove", "rm"),
                List.of("DELETE /fs/entry?path=old.txt", "DELETE /fs/entry?path=tmp&recursive=true"));
    }

    @Bean
    AgentSkill searchSkill() {
        return new AgentSkill("vfs.search", "Search files",
                "Finds files and folders below a folder by glob (**/*.md) and/or by text content (case-insensitive "
                        + "unless case_sensitive=true), with the matching lines. GET /fs/search?path=<folder>&glob="
                        + "<glob>&text=<text>.",
                List.of("files", "search", "glob", "grep", "find"),
                List.of("GET /fs/search?glob=**/*.md", "GET /fs/search?path=docs&text=invoice",
                        "Which markdown files mention kendra?"));
    }
}
