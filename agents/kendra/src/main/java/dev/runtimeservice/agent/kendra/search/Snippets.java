package dev.runtimeservice.agent.kendra.search;

import java.io.IOException;
import java.util.Arrays;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;

/** Cuts the best passages of each hit's text, with the matched terms in {@code <mark>} tags. */
final class Snippets {

    private static final int PASSAGES = 2;

    private Snippets() {}

    /**
     * Highlights hits.
     *
     * @param searcher the searcher the doc ids come from
     * @param analyzer the index's analyzer
     * @param query the keyword query whose terms to mark
     * @param docIds the hits
     * @return one snippet per hit; the start of the text when no term matched
     * @throws IOException when the index cannot be read
     */
    static String[] of(IndexSearcher searcher, Analyzer analyzer, Query query, int[] docIds) throws IOException {
        UnifiedHighlighter highlighter = UnifiedHighlighter.builder(searcher, analyzer)
                // Escaping keeps a document's own markup from reaching a browser as HTML.
                .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", " … ", true))
                .withMaxNoHighlightPassages(1)
                .build();
        String[] fields = KeywordQueries.snippetFields();
        int[] passages = new int[fields.length];
        Arrays.fill(passages, PASSAGES);
        Map<String, String[]> byField = highlighter.highlightFields(fields, query, docIds, passages);
        String[] snippets = new String[docIds.length];
        Arrays.fill(snippets, "");
        for (String[] perField : byField.values()) {
            for (int i = 0; i < docIds.length; i++) {
                if (perField[i] != null) {
                    snippets[i] = perField[i].strip();
                }
            }
        }
        return snippets;
    }
}
