package dev.runtimeservice.agent.kendra.search;

import dev.runtimeservice.agent.kendra.crosslingual.QueryTranslator;
import dev.runtimeservice.agent.kendra.index.DocumentFields;
import dev.runtimeservice.agent.kendra.index.TextLanguage;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.queryparser.simple.SimpleQueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.jspecify.annotations.Nullable;

/** Parses a user's text into a BM25 query over every language's title and text fields. */
final class KeywordQueries {

    private static final float TITLE_BOOST = 2f;
    /** Characters of the simple query syntax, which a translated word must not bring in. */
    private static final Pattern SYNTAX = Pattern.compile("[+\\-|\"*~()\\\\]");

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
                ? List.of(TextLanguage.values())
                : List.of(TextLanguage.of(language));
        Query query = parse(text, languages, 1f);
        return query == null ? new MatchNoDocsQuery("only stop words") : query;
    }

    /**
     * Parses the text and adds its translation: the English words searched in English fields only, the
     * Spanish words in Spanish fields only, each weighted less than the user's own words.
     *
     * @param text the user's text, in simple query syntax
     * @param language only this language's fields, or {@code null} for all
     * @param translation the query's words in the other languages
     * @param weight how much a translated word counts next to one the user typed
     * @return the query
     */
    Query parse(String text, @Nullable String language, QueryTranslator.Translation translation, float weight) {
        Query original = parse(text, language);
        if (translation.isEmpty()) {
            return original;
        }
        BooleanQuery.Builder query = new BooleanQuery.Builder().add(original, BooleanClause.Occur.SHOULD);
        addTranslated(query, translation.english(), TextLanguage.ENGLISH, weight);
        addTranslated(query, translation.spanish(), TextLanguage.SPANISH, weight);
        return query.build();
    }

    private void addTranslated(BooleanQuery.Builder query, String words, TextLanguage language, float weight) {
        Query translated =
                words.isBlank() ? null : parse(SYNTAX.matcher(words).replaceAll(" "), List.of(language), weight);
        if (translated != null) {
            query.add(translated, BooleanClause.Occur.SHOULD);
        }
    }

    private @Nullable Query parse(String text, List<TextLanguage> languages, float weight) {
        Map<String, Float> weights = new HashMap<>();
        for (TextLanguage each : languages) {
            weights.put(DocumentFields.field("title", each), TITLE_BOOST * weight);
            weights.put(DocumentFields.field("text", each), weight);
        }
        SimpleQueryParser parser = new SimpleQueryParser(analyzer, weights);
        parser.setDefaultOperator(BooleanClause.Occur.SHOULD);
        return parser.parse(text);
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
