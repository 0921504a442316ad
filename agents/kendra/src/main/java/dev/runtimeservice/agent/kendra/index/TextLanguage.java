package dev.runtimeservice.agent.kendra.index;

import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** The analysis a document's text gets: Spanish, English, or language-neutral folding. */
public enum TextLanguage {

    /** Spanish stemming and stop words. */
    SPANISH("es"),
    /** English stemming and stop words. */
    ENGLISH("en"),
    /** Lower case and accent folding only, for any other or unknown language. */
    OTHER("std");

    private static final Set<String> SPANISH_WORDS = Set.of(
            "de", "la", "que", "el", "en", "los", "del", "se", "las", "por", "un", "para", "con", "una", "su", "al",
            "lo", "como", "más", "pero", "sus", "es", "son", "y", "este", "esta", "también", "muy", "sin", "sobre",
            "entre", "cuando", "hay");
    private static final Set<String> ENGLISH_WORDS = Set.of(
            "the", "of", "and", "to", "in", "is", "that", "for", "it", "with", "as", "was", "on", "are", "be", "by",
            "this", "an", "which", "or", "from", "at", "its", "have", "has", "not", "they", "their", "can", "will",
            "when", "there", "about");

    private final String suffix;

    TextLanguage(String suffix) {
        this.suffix = suffix;
    }

    /**
     * Returns the suffix of this language's fields.
     *
     * @return {@code es}, {@code en} or {@code std}
     */
    public String suffix() {
        return suffix;
    }

    /**
     * Picks the analysis for a language code.
     *
     * @param code an ISO 639-1 code such as {@code es} or {@code en-GB}
     * @return Spanish, English, or other
     */
    public static TextLanguage of(String code) {
        String primary = code.toLowerCase(Locale.ROOT).split("[-_]", 2)[0];
        return switch (primary) {
            case "es" -> SPANISH;
            case "en" -> ENGLISH;
            default -> OTHER;
        };
    }

    /**
     * Guesses whether a text is Spanish or English from its most common function words.
     *
     * @param text the text
     * @return {@code es}, {@code en}, or {@code null} when neither clearly wins
     */
    public static @Nullable String guess(String text) {
        int spanish = 0;
        int english = 0;
        for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}]+")) {
            spanish += SPANISH_WORDS.contains(word) ? 1 : 0;
            english += ENGLISH_WORDS.contains(word) ? 1 : 0;
        }
        if (spanish >= 2 && spanish > 2 * english) {
            return "es";
        }
        if (english >= 2 && english > 2 * spanish) {
            return "en";
        }
        return null;
    }
}
