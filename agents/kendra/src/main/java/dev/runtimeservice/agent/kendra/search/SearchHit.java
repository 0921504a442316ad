package dev.runtimeservice.agent.kendra.search;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One hit of a search.
 *
 * @param id the document id
 * @param title its title, if any
 * @param uri its uri, if any
 * @param language its language code
 * @param metadata its metadata
 * @param score the ranking score: BM25 for keyword, similarity in [0, 1] for semantic, fused
 *     reciprocal-rank score for hybrid
 * @param snippet an HTML-escaped excerpt of the text with the matched terms inside
 *     {@code <mark>...</mark>}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SearchHit(
        String id,
        @Nullable String title,
        @Nullable String uri,
        String language,
        Map<String, Object> metadata,
        float score,
        String snippet) {}
