package dev.runtimeservice.agent.kendra.search;

import java.util.Arrays;
import java.util.Locale;

/** How results are ranked. */
public enum SearchMode {

    /** BM25 over the analyzed title and text. */
    KEYWORD,
    /** Cosine similarity of the query's embedding to each document's (HNSW). */
    SEMANTIC,
    /** Reciprocal rank fusion of the keyword and semantic rankings. */
    HYBRID;

    /**
     * Reads a mode by name, in any case.
     *
     * @param name {@code keyword}, {@code semantic} or {@code hybrid}
     * @return the mode
     * @throws InvalidSearchException for any other name
     */
    public static SearchMode of(String name) {
        return Arrays.stream(values())
                .filter(mode -> mode.name().equalsIgnoreCase(name.trim()))
                .findFirst()
                .orElseThrow(() ->
                        new InvalidSearchException("Unknown mode '" + name + "'; use keyword, semantic or hybrid."));
    }

    /**
     * Returns the name used in requests and answers.
     *
     * @return the name in lower case
     */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
