package dev.runtimeservice.agent.orchestrator.routing;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A text as routing sees it: its language, its features (lexicon concepts, and other content words as
 * themselves) and an English gloss for the English embedding model.
 *
 * @param language {@code es} or {@code en}
 * @param features concepts ({@code c:search}), concepts said as participles ({@code p:index}) and other content
 *     words ({@code w:kendra}), without repeats
 * @param gloss the text with every word the lexicon knows replaced by its concept's English name
 */
public record TextAnalysis(String language, Set<String> features, String gloss) {

    /** Copies the set. */
    public TextAnalysis {
        features = Set.copyOf(features);
    }

    /**
     * A file or folder path ({@code docs/a.md}, {@code todo.txt}): routing reads it as the word "path", whatever its
     * words or extension are (todo.txt is no glob for txt).
     */
    public static final Pattern PATH = Pattern.compile("(?<![\\w*.])[\\p{L}\\p{N}_-]+(?:/[\\p{L}\\p{N}_.-]+)+/?|"
            + "(?<![\\w*.])[\\p{L}\\p{N}_-]+\\.[A-Za-z0-9]{1,5}(?!\\w)");

    private static final Set<String> SUBJECTS = Set.of("you", "i", "we", "they", "he", "she", "usted", "ustedes");

    private static final Pattern PARTICIPLE = Pattern.compile("\\w{3,}(?:ed|ados?|adas?|idos?|idas?)");

    /** Analyses a text written by the agents' authors (a skill's description or example): no typos looked for. */
    public static TextAnalysis of(String text, Lexicon lexicon) {
        return of(text, lexicon, false);
    }

    /** Analyses an instruction, whose words may have a typo each. */
    public static TextAnalysis ofInstruction(String text, Lexicon lexicon) {
        return of(text, lexicon, true);
    }

    private static TextAnalysis of(String text, Lexicon lexicon, boolean typos) {
        List<String> words = Lexicon.words(PATH.matcher(text).replaceAll(" path "));
        Set<String> features = new LinkedHashSet<>();
        List<String> gloss = new ArrayList<>();
        int spanishConcepts = 0;
        int englishConcepts = 0;
        String before = "";
        for (String word : words) {
            Map<String, Set<String>> concepts = typos ? lexicon.conceptsAllowingTypo(word) : lexicon.concepts(word);
            if (!concepts.isEmpty()) {
                // A participle describes a thing ("the indexed documents"), it does not ask for the action; after a
                // subject ("if you saved it") it is the verb.
                String kind = PARTICIPLE.matcher(word).matches() && !SUBJECTS.contains(before) ? "p:" : "c:";
                concepts.keySet().forEach(c -> features.add(kind + c));
                gloss.add(String.join(" ", concepts.keySet()));
                spanishConcepts += concepts.values().stream().anyMatch(l -> l.contains("es")) ? 1 : 0;
                englishConcepts += concepts.values().stream().anyMatch(l -> l.contains("en")) ? 1 : 0;
            } else if (!lexicon.isStopword(word)) {
                features.add("w:" + stem(word));
                gloss.add(word);
            }
            before = word;
        }
        String language = language(text, words, lexicon, spanishConcepts - englishConcepts);
        return new TextAnalysis(language, features, String.join(" ", gloss));
    }

    private static String language(String text, List<String> words, Lexicon lexicon, int conceptLead) {
        int spanish = lexicon.stopwordHits(words, "es") * 2 + conceptLead;
        int english = lexicon.stopwordHits(words, "en") * 2;
        if (text.chars().anyMatch(c -> "ñ¿¡áéíóú".indexOf(Character.toLowerCase(c)) >= 0)) {
            spanish += 3;
        }
        return spanish > english ? "es" : "en";
    }

    private static String stem(String word) {
        return word.length() > 3 && word.endsWith("s") ? word.substring(0, word.length() - 1) : word;
    }
}
