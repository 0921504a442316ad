package dev.runtimeservice.agent.vfs.search;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The answer to a search.
 *
 * @param path the folder searched
 * @param glob the glob, if any
 * @param text the text, if any
 * @param hits what was found, in walk order, at most the limit
 * @param truncated whether more would have been found past the limit
 * @param skippedFiles files not read for text: too large for text search, or binary
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SearchResult(
        String path,
        @Nullable String glob,
        @Nullable String text,
        List<SearchHit> hits,
        boolean truncated,
        @JsonProperty("skipped_files") long skippedFiles) {}
