package dev.runtimeservice.agent.vfs.store;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One page of a folder listing, sorted by name.
 *
 * @param path the folder
 * @param entries the entries on this page
 * @param offset the index of the first entry
 * @param limit the most entries a page holds
 * @param total how many entries the folder holds
 * @param nextOffset the offset of the next page, {@code null} on the last page
 */
public record Page(
        String path,
        List<Entry> entries,
        int offset,
        int limit,
        int total,
        @JsonProperty("next_offset") @Nullable Integer nextOffset) {}
