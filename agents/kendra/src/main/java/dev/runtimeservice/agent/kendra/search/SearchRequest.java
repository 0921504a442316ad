package dev.runtimeservice.agent.kendra.search;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A search, as {@code POST /search} takes it.
 *
 * @param query the text to search for; keyword syntax allows {@code "phrases"}, {@code +must},
 *     {@code -not}, {@code prefix*} and {@code fuzzy~}
 * @param mode {@code keyword}, {@code semantic} or {@code hybrid} (the default)
 * @param topK how many hits to return, 1 to 100 (10 by default)
 * @param offset how many hits to skip, for paging (0 by default)
 * @param language only documents in this language, such as {@code es} or {@code en}
 * @param filters metadata filters: a value for equality, a list for any of, or an object with
 *     {@code gte}, {@code gt}, {@code lte}, {@code lt} for a numeric range; all must hold
 */
public record SearchRequest(
        @Nullable String query,
        @Nullable String mode,
        @JsonProperty("top_k") @Nullable Integer topK,
        @Nullable Integer offset,
        @Nullable String language,
        @Nullable Map<String, Object> filters) {

    /** The most hits a request may page through. */
    static final int MAX_DEPTH = 1000;
    /** The most hits one page may hold. */
    static final int MAX_TOP_K = 100;

    /**
     * Creates a plain request.
     *
     * @param query the text to search for
     * @param mode the ranking
     * @param topK how many hits
     * @return the request, with no filters and no offset
     */
    public static SearchRequest of(String query, SearchMode mode, int topK) {
        return new SearchRequest(query, mode.label(), topK, 0, null, null);
    }

    String checkedQuery() {
        if (query == null || query.isBlank()) {
            throw new InvalidSearchException("'query' is missing or blank; give the text to search for.");
        }
        return query;
    }

    SearchMode checkedMode() {
        return mode == null ? SearchMode.HYBRID : SearchMode.of(mode);
    }

    int checkedTopK() {
        int value = topK == null ? 10 : topK;
        if (value < 1 || value > MAX_TOP_K) {
            throw new InvalidSearchException("'top_k' must be between 1 and " + MAX_TOP_K + "; page with 'offset'.");
        }
        return value;
    }

    int checkedOffset() {
        int value = offset == null ? 0 : offset;
        if (value < 0 || value + checkedTopK() > MAX_DEPTH) {
            throw new InvalidSearchException("'offset' must be at least 0 and 'offset' + 'top_k' at most " + MAX_DEPTH
                    + "; narrow the query or add filters to reach deeper hits.");
        }
        return value;
    }
}
