package dev.runtimeservice.agent.vfs.store;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What {@code stat} and {@code list} tell about a file or folder.
 *
 * @param name the last name of the path (the empty string for the root)
 * @param path the virtual path
 * @param type file, folder, link or other
 * @param size the size in bytes (0 for folders)
 * @param modified the last modification time
 * @param etag the version of a file, for {@code If-Match}; {@code null} for folders
 * @param contentType the media type of a file, guessed from its name; {@code null} for folders
 * @param readOnly whether it lives in a read-only mount
 * @param mount the mount it lives in, {@code null} in the data root
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Entry(
        String name,
        String path,
        EntryType type,
        long size,
        @Nullable Instant modified,
        @Nullable String etag,
        @JsonProperty("content_type") @Nullable String contentType,
        @JsonProperty("read_only") boolean readOnly,
        @Nullable String mount) {}
