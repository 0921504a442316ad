package dev.runtimeservice.agent.kendra.vfs;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * What to index from vfs: files or folders by path, files matching a glob below a folder, or both.
 *
 * @param paths vfs paths of files (indexed) or folders (every file below them is indexed)
 * @param glob a vfs glob such as {@code **}{@code /*.md}, or {@code null}
 * @param folder the folder the glob is matched below; the empty string is the vfs root
 * @param language the language of every file, or {@code null} to guess it per file
 * @param metadata metadata given to every file, or {@code null}
 */
record VfsIngestRequest(
        List<String> paths,
        @Nullable String glob,
        String folder,
        @Nullable String language,
        @Nullable JsonNode metadata) {

    private static final List<String> FIELDS = List.of("paths", "glob", "folder", "language", "metadata");

    VfsIngestRequest {
        paths = List.copyOf(paths);
    }

    /**
     * Reads the request body.
     *
     * @param body the JSON body
     * @param maxFiles the most paths a request may name
     * @return the request
     * @throws InvalidVfsIngestException when the body is not a valid request
     */
    static VfsIngestRequest from(JsonNode body, int maxFiles) {
        if (!body.isObject()) {
            throw new InvalidVfsIngestException("The body must be a JSON object such as {\"glob\": \"**/*.md\"} or "
                    + "{\"paths\": [\"docs/a.md\"]}.");
        }
        for (String name : body.propertyNames()) {
            if (!FIELDS.contains(name)) {
                throw new InvalidVfsIngestException("Unknown field '" + name + "'; the fields are " + FIELDS + ".");
            }
        }
        List<String> paths = paths(body.get("paths"), maxFiles);
        String glob = text(body, "glob");
        if (paths.isEmpty() && glob == null) {
            throw new InvalidVfsIngestException(
                    "Give 'paths' (a list of vfs files or folders), 'glob' (such as " + "\"**/*.md\"), or both.");
        }
        String folder = text(body, "folder");
        if (folder != null && glob == null) {
            throw new InvalidVfsIngestException("'folder' says where 'glob' is matched; give a 'glob' too, or put "
                    + "the folder in 'paths' to index every file below it.");
        }
        JsonNode metadata = body.get("metadata");
        return new VfsIngestRequest(
                paths,
                glob,
                folder == null ? "" : folder,
                text(body, "language"),
                metadata == null || metadata.isNull() ? null : metadata);
    }

    private static List<String> paths(@Nullable JsonNode node, int maxFiles) {
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw new InvalidVfsIngestException("'paths' must be a list of vfs paths, such as [\"docs/a.md\"].");
        }
        if (node.size() > maxFiles) {
            throw new InvalidVfsIngestException("'paths' names " + node.size() + " paths; one request takes at most "
                    + maxFiles + " (kendra.vfs.max-files). Split it into several requests.");
        }
        List<String> paths = new ArrayList<>();
        for (JsonNode path : node) {
            if (!path.isString() || path.asString().isBlank()) {
                throw new InvalidVfsIngestException("Every entry of 'paths' must be a non-empty string, such as "
                        + "\"docs/a.md\"; use 'glob' with \"**\" to index the whole vfs.");
            }
            paths.add(path.asString());
        }
        return paths;
    }

    private static @Nullable String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            throw new InvalidVfsIngestException("'" + field + "' must be a string.");
        }
        return value.asString().isBlank() ? null : value.asString();
    }
}
