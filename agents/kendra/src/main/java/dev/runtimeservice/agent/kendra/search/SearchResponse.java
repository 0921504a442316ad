package dev.runtimeservice.agent.kendra.search;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The answer to a search.
 *
 * @param query the query as given
 * @param mode the ranking used
 * @param total how many documents match: those matching the keyword query for keyword mode, all
 *     those passing the filters for semantic and hybrid modes (every one has a similarity)
 * @param offset how many hits were skipped
 * @param topK the page size asked for
 * @param tookMs how long the search took
 * @param hits the page of hits, best first
 */
public record SearchResponse(
        String query,
        String mode,
        long total,
        int offset,
        @JsonProperty("top_k") int topK,
        @JsonProperty("took_ms") long tookMs,
        List<SearchHit> hits) {}
