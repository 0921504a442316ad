package dev.runtimeservice.agent.sdk.a2a;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A piece of a message or artifact: text, structured data, a URL or raw bytes (base64).
 *
 * @param text the text, for a text part
 * @param data the JSON value, for a data part
 * @param url the address of a file, for a URL part
 * @param raw the bytes in base64, for a raw part
 * @param filename an optional file name
 * @param mediaType an optional media type
 * @param metadata optional metadata
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record Part(
        @Nullable String text,
        @Nullable Object data,
        @Nullable String url,
        @Nullable String raw,
        @Nullable String filename,
        @Nullable String mediaType,
        @Nullable Map<String, Object> metadata) {

    /**
     * A text part.
     *
     * @param text the text
     * @return the part
     */
    public static Part text(String text) {
        return new Part(text, null, null, null, null, "text/plain", null);
    }

    /**
     * A data part.
     *
     * @param data the JSON value
     * @return the part
     */
    public static Part data(Object data) {
        return new Part(null, data, null, null, null, "application/json", null);
    }
}
