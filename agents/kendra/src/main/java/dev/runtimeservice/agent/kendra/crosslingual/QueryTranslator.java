package dev.runtimeservice.agent.kendra.crosslingual;

import dev.runtimeservice.agent.kendra.index.TextLanguage;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Translates a query word by word with the {@link BilingualLexicon}: a Spanish query gets English words and an
 * English one Spanish words, so BM25 can match documents written in the other language. When the query's
 * language cannot be told from its function words it is read both ways. Queries with keyword syntax (phrases,
 * {@code +must}, {@code -not}, wildcards) are left alone: their operators have no translation.
 */
public final class QueryTranslator {

    private static final Pattern SYNTAX = Pattern.compile("[\"|*~()]|(^|\\s)[+-]");

    private final Supplier<BilingualLexicon> lexicon;
    private final BilingualLexicon.Stems stems;
    private final int perTerm;

    /**
     * Creates a translator.
     *
     * @param lexicon the lexicon, loaded when first needed
     * @param stems the index's analysis
     * @param perTerm how many translations of each word to use, the usual ones first
     */
    public QueryTranslator(Supplier<BilingualLexicon> lexicon, BilingualLexicon.Stems stems, int perTerm) {
        this.lexicon = lexicon;
        this.stems = stems;
        this.perTerm = perTerm;
    }

    /**
     * Translates a query.
     *
     * @param text the user's query
     * @param language the language the search is limited to, or {@code null}
     * @return the words to search for in each language; empty when there is nothing to add
     */
    public Translation translate(String text, @Nullable String language) {
        if (SYNTAX.matcher(text).find() || (language != null && !language.isBlank())) {
            return Translation.NONE;
        }
        String guessed = TextLanguage.guess(text);
        String english = guessed == null || guessed.equals("es") ? words(text, TextLanguage.SPANISH) : "";
        String spanish = guessed == null || guessed.equals("en") ? words(text, TextLanguage.ENGLISH) : "";
        return new Translation(english, spanish);
    }

    private String words(String text, TextLanguage from) {
        List<String> terms = stems.of(text, from);
        Set<String> out = new LinkedHashSet<>();
        for (int i = 0; i < terms.size(); i++) {
            List<String> pair = i + 1 < terms.size()
                    ? lexicon.get().translations(terms.get(i) + " " + terms.get(i + 1), from)
                    : List.of();
            if (!pair.isEmpty()) {
                out.addAll(first(pair));
                i++;
            } else {
                out.addAll(first(lexicon.get().translations(terms.get(i), from)));
            }
        }
        return String.join(" ", out);
    }

    private List<String> first(List<String> translations) {
        return translations.subList(0, Math.min(perTerm, translations.size()));
    }

    /**
     * A query's words in the other languages.
     *
     * @param english English words for the English fields; empty when none
     * @param spanish Spanish words for the Spanish fields; empty when none
     */
    public record Translation(String english, String spanish) {

        /** Nothing to add. */
        public static final Translation NONE = new Translation("", "");

        /**
         * Tells whether there is anything to add.
         *
         * @return true when both are empty
         */
        public boolean isEmpty() {
            return english.isEmpty() && spanish.isEmpty();
        }
    }
}
