package dev.runtimeservice.agent.kendra.search;

import dev.runtimeservice.agent.kendra.index.DocumentFields;
import dev.runtimeservice.agent.kendra.index.TextLanguage;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.queryparser.simple.SimpleQueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.jspecify.annotations.Nullable;

/** Parses a user's text into a BM25 query over every language's title and text fields. */
final class KeywordQueries {

    private static final float TITLE_BOOST = 2f;

    private final Analyzer analyzer;

    KeywordQueries(Analyzer analyzer) {
        this.analyzer = analyzer;
    }

    /**
     * Parses the text; each field analyzes it with its own language's chain.
     *
     * @param text the user's text, in simple query syntax
     * @param language only this language's fields, or {@code null} for all
     * @return the query; matches nothing when the text has only stop words
     */
    Query parse(String text, @Nullable String language) {
        List<TextLanguage> languages = language == null || language.isBlank()
                ? List.of(TextLanguage.values()) : List.of(TextLanguage.of(language));
        Map<String, Float> weights = new HashMap<>();
        for (TextLanguage each : languages) {
            weights.put(DocumentFields.field("title", each), TITLE_BOOST);
            weights.put(DocumentFields.field("text", each), 1f);
        }
        SimpleQueryParser parser = new SimpleQueryParser(analyzer, weights);
        parser.setDefaultOperator(BooleanClause.Occur.SHOULD);
        Query query = parser.parse(text);
        return query == null ? new MatchNoDocsQuery("only stop words") : query;
    }

    /**
     * Returns the text fields a snippet may come from.
     *
     * @return one per language
     */
    static String[] snippetFields() {
        TextLanguage[] languages = TextLanguage.values();
        String[] fields = new String[languages.length];
        for (int i = 0; i < languages.length; i++) {
            fields[i] = DocumentFields.field("text", languages[i]);
        }
        return fields;
    }
}
