package dev.runtimeservice.agent.kendra.vfs;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/** The document a vfs file becomes, as a batch entry checked by the same rules as one posted to /documents. */
final class VfsDocument {

    /** What a document's id is made of: this prefix and the file's vfs path. */
    static final String ID_PREFIX = "vfs:";

    private VfsDocument() {}

    static String idOf(String path) {
        return ID_PREFIX + path;
    }

    /**
     * Makes the document of a file.
     *
     * @param json the mapper that makes nodes
     * @param request the language and metadata every file gets
     * @param path the file's vfs path
     * @param text the file's text
     * @return id {@code vfs:<path>}, uri {@code vfs://<path>}, the title, the text, the language if given,
     *     and the request's metadata plus {@code source: vfs} and {@code path}
     */
    static ObjectNode of(ObjectMapper json, VfsIngestRequest request, String path, String text) {
        ObjectNode document = json.createObjectNode();
        document.put("id", idOf(path));
        document.put("title", FileText.title(path, text));
        document.put("text", text);
        document.put("uri", "vfs://" + path);
        if (request.language() != null) {
            document.put("language", request.language());
        }
        document.set("metadata", metadata(json, request.metadata(), path));
        return document;
    }

    private static JsonNode metadata(ObjectMapper json, @Nullable JsonNode given, String path) {
        if (given != null && !given.isObject()) {
            return given;
        }
        ObjectNode metadata = json.createObjectNode();
        if (given != null) {
            metadata.setAll((ObjectNode) given);
        }
        metadata.put("source", "vfs");
        metadata.put("path", path);
        return metadata;
    }
}
