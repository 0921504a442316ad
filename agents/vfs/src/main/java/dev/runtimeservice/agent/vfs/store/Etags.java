package dev.runtimeservice.agent.vfs.store;

import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * Strong entity tags of files: size, modification time and file identity, which changes on every
 * vfs write because each write lands as a new file renamed into place.
 */
public final class Etags {

    private Etags() {}

    /**
     * Computes the tag of a file.
     *
     * @param attributes the file's attributes
     * @return the quoted tag
     */
    public static String of(BasicFileAttributes attributes) {
        Object key = attributes.fileKey();
        return "\"%x-%x%s\""
                .formatted(
                        attributes.size(),
                        attributes.lastModifiedTime().to(TimeUnit.NANOSECONDS),
                        key == null ? "" : "-" + Integer.toHexString(key.hashCode()));
    }

    /**
     * Tells whether a header value such as {@code "a", "b"} or {@code *} lists a tag.
     *
     * @param header the value of {@code If-Match} or {@code If-None-Match}
     * @param etag the current tag, or {@code null} when the file does not exist
     * @return whether it matches
     */
    public static boolean matches(String header, @Nullable String etag) {
        if (etag == null) {
            return false;
        }
        if (header.trim().equals("*")) {
            return true;
        }
        return Arrays.stream(header.split(","))
                .map(String::trim)
                .map(tag -> tag.startsWith("W/") ? tag.substring(2) : tag)
                .anyMatch(etag::equals);
    }
}
