package dev.runtimeservice.agent.kendra.crosslingual;

import dev.runtimeservice.agent.kendra.index.TextLanguage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.apache.lucene.analysis.Analyzer;

/**
 * Spanish-English word pairs (Apertium and FreeDict, see {@code lexicon/LICENSE-lexicon.txt} in the jar),
 * looked up by the stems the index's analysis gives, so {@code semanas} finds the entry of {@code semana}.
 * Entries of one or two words are kept; translations keep the dictionaries' order, the usual one first.
 */
public final class BilingualLexicon {

    /** Where the lexicon lies on the class path. */
    public static final String RESOURCE = "/lexicon/es-en.tsv.gz";

    private final Map<String, List<String>> spanishToEnglish;
    private final Map<String, List<String>> englishToSpanish;

    /**
     * Reads the lexicon that ships with kendra.
     *
     * @param stems the index's analysis, which keys the entries
     * @return the lexicon
     * @throws UncheckedIOException when the resource is missing or unreadable
     */
    public static BilingualLexicon shipped(Stems stems) {
        try (InputStream in = BilingualLexicon.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IOException(RESOURCE + " is not on the class path");
            }
            return read(new GZIPInputStream(in), stems);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read kendra's lexicon " + RESOURCE, e);
        }
    }

    /**
     * Reads lines of {@code spanish<TAB>english}; lines starting with {@code #} are comments.
     *
     * @param in the lines, UTF-8
     * @param stems the analysis that keys the entries
     * @return the lexicon
     * @throws IOException when the stream cannot be read
     */
    static BilingualLexicon read(InputStream in, Stems stems) throws IOException {
        Map<String, Set<String>> spanishToEnglish = new HashMap<>();
        Map<String, Set<String>> englishToSpanish = new HashMap<>();
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            int tab = line.indexOf('\t');
            if (!line.startsWith("#") && tab > 0) {
                String spanish = line.substring(0, tab);
                String english = line.substring(tab + 1);
                entry(stems, spanish, TextLanguage.SPANISH, spanishToEnglish).add(english);
                entry(stems, english, TextLanguage.ENGLISH, englishToSpanish).add(spanish);
            }
        }
        return new BilingualLexicon(frozen(spanishToEnglish), frozen(englishToSpanish));
    }

    private BilingualLexicon(Map<String, List<String>> spanishToEnglish, Map<String, List<String>> englishToSpanish) {
        this.spanishToEnglish = spanishToEnglish;
        this.englishToSpanish = englishToSpanish;
    }

    private static Set<String> entry(Stems stems, String words, TextLanguage language, Map<String, Set<String>> map) {
        List<String> stemmed = stems.of(words, language);
        if (stemmed.isEmpty() || stemmed.size() > 2) {
            return new LinkedHashSet<>();
        }
        return map.computeIfAbsent(String.join(" ", stemmed), k -> new LinkedHashSet<>());
    }

    /** Lists take a fraction of the memory of the sets that removed the duplicates. */
    private static Map<String, List<String>> frozen(Map<String, Set<String>> map) {
        Map<String, List<String>> frozen = new HashMap<>(map.size() * 2);
        map.forEach((key, values) -> frozen.put(key, List.copyOf(values)));
        return frozen;
    }

    /**
     * Returns the translations of a stem, or of two stems in a row.
     *
     * @param stem one stem, or two joined by a space, as {@link Stems#of} gives them
     * @param from the stem's language, Spanish or English
     * @return the other language's words, the usual translation first; empty when unknown
     */
    public List<String> translations(String stem, TextLanguage from) {
        Map<String, List<String>> map = from == TextLanguage.SPANISH ? spanishToEnglish : englishToSpanish;
        return map.getOrDefault(stem, List.of());
    }

    /**
     * Counts the entries.
     *
     * @return how many Spanish and English keys it has
     */
    public int size() {
        return spanishToEnglish.size() + englishToSpanish.size();
    }

    /** Stems text with the index's analysis of a language. */
    @FunctionalInterface
    public interface Stems {

        /**
         * Analyses text.
         *
         * @param text the text
         * @param language Spanish or English
         * @return its stems, stop words left out
         */
        List<String> of(String text, TextLanguage language);

        /**
         * Stems with an analyzer's chain for each language's text field.
         *
         * @param analyzer the index's per-field analyzer
         * @return the stemmer
         */
        static Stems of(Analyzer analyzer) {
            return (text, language) -> AnalyzedTerms.of(analyzer, text, language);
        }
    }
}
