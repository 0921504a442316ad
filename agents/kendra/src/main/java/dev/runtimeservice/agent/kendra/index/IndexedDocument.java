package dev.runtimeservice.agent.kendra.index;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A document as kendra stores and returns it.
 *
 * @param id the caller's identifier; a document with the same id replaces this one
 * @param title the title, or {@code null}
 * @param text the body text, never blank
 * @param uri where the document comes from, or {@code null}
 * @param language {@code es}, {@code en}, another code as given, or {@code und} when unknown
 * @param metadata filterable fields: strings, numbers, booleans or lists of them
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IndexedDocument(
        String id,
        @Nullable String title,
        String text,
        @Nullable String uri,
        String language,
        Map<String, Object> metadata) {

    /** Copies the metadata. */
    public IndexedDocument {
        metadata = Map.copyOf(metadata);
    }

    /**
     * Returns the text the embedding model sees: the title and the text, cut to a length.
     *
     * @param maxChars the most characters to keep
     * @return the title, a blank line and the text, at most {@code maxChars} long
     */
    public String embeddingText(int maxChars) {
        String full = title == null ? text : title + "\n\n" + text;
        return full.length() <= maxChars ? full : full.substring(0, maxChars);
    }
}
