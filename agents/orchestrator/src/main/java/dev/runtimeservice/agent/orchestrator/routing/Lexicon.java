package dev.runtimeservice.agent.orchestrator.routing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Spanish and English words mapped onto shared concepts ({@code routing/lexicon.txt}), and each language's
 * function words ({@code routing/stopwords.txt}): what lets a Spanish instruction match an English skill.
 */
public final class Lexicon {

    /** The concepts that are actions (what to do), as opposed to things (files, documents, languages). */
    public static final Set<String> ACTIONS = Set.of(
            "search",
            "list",
            "read",
            "write",
            "create",
            "move",
            "delete",
            "index",
            "summarize",
            "translate",
            "rewrite",
            "generate");

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern WORD = Pattern.compile("[a-z0-9]+");

    private final List<Entry> entries;
    private final Map<String, Set<String>> stopwords;

    private Lexicon(List<Entry> entries, Map<String, Set<String>> stopwords) {
        this.entries = List.copyOf(entries);
        this.stopwords = Map.copyOf(stopwords);
    }

    /** Loads the lexicon shipped in the jar. */
    public static Lexicon load() {
        List<Entry> entries = new ArrayList<>();
        for (String line : lines("routing/lexicon.txt")) {
            String[] head = line.split(":", 2);
            String[] conceptAndLanguage = head[0].trim().split("\\s+");
            for (String stem : head[1].trim().split("\\s+")) {
                entries.add(new Entry(conceptAndLanguage[0], conceptAndLanguage[1], stem));
            }
        }
        Map<String, Set<String>> stopwords = new HashMap<>();
        for (String line : lines("routing/stopwords.txt")) {
            String[] head = line.split(":", 2);
            stopwords.put(head[0].trim(), new HashSet<>(List.of(head[1].trim().split("\\s+"))));
        }
        return new Lexicon(entries, stopwords);
    }

    /** Lower case, without accents. */
    public static String fold(String text) {
        return MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD))
                .replaceAll("")
                .toLowerCase(Locale.ROOT);
    }

    /** The folded words of a text, function words included. */
    public static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        var matcher = WORD.matcher(fold(text));
        while (matcher.find()) {
            words.add(matcher.group());
        }
        return words;
    }

    /** Whether a folded word is a function word of either language. */
    public boolean isStopword(String word) {
        return stopwords.values().stream().anyMatch(set -> set.contains(word));
    }

    /** How many of these folded words are function words of that language. */
    public int stopwordHits(List<String> words, String language) {
        Set<String> set = stopwords.getOrDefault(language, Set.of());
        return (int) words.stream().filter(set::contains).count();
    }

    /** The concepts a folded word stands for, with the languages it was found in. */
    public Map<String, Set<String>> concepts(String word) {
        Map<String, Set<String>> found = new HashMap<>();
        for (Entry entry : entries) {
            if (entry.matches(word)) {
                found.computeIfAbsent(entry.concept(), c -> new HashSet<>()).add(entry.language());
            }
        }
        return found;
    }

    /**
     * The concepts a word of an instruction stands for: as {@link #concepts}, but a word that matches no stem and is
     * no function word is tried again with one typo allowed (a letter missing, extra, wrong, or two swapped) against
     * the stems of five letters or more, since people type "serch", "documnets" and "foldr". Words that end like an
     * inflection ("written", "indexing") are real words, not typos, and are left as they are.
     */
    public Map<String, Set<String>> conceptsAllowingTypo(String word) {
        Map<String, Set<String>> found = concepts(word);
        if (found.isEmpty()
                && word.length() >= MIN_TYPO_WORD
                && !isStopword(word)
                && !INFLECTED.matcher(word).matches()) {
            for (Entry entry : entries) {
                if (entry.nearly(word)) {
                    found.computeIfAbsent(entry.concept(), c -> new HashSet<>()).add(entry.language());
                }
            }
        }
        return found;
    }

    private static final Pattern INFLECTED = Pattern.compile("\\w+(?:ed|en|ing|ado|ada|ido|ida|ados|idos)");

    // Shorter words and stems have too many neighbours one typo away ("pide" and "pido", "todo" and "tono").
    private static final int MIN_TYPO_WORD = 5;

    /**
     * Whether two words are at most one typo apart: one letter inserted or deleted, two next to each other swapped,
     * or one replaced by a letter that sounds the same (b and v, c and s or z, g and j, i and y): a replacement by
     * any letter would make real words typos of each other ("remote" and "remove").
     */
    static boolean oneTypoApart(String a, String b) {
        if (Math.abs(a.length() - b.length()) > 1) {
            return false;
        }
        int i = 0;
        while (i < a.length() && i < b.length() && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        if (i == a.length() && i == b.length()) {
            return true;
        }
        if (a.length() == b.length()) {
            boolean swapped = i + 1 < a.length()
                    && a.charAt(i) == b.charAt(i + 1)
                    && a.charAt(i + 1) == b.charAt(i)
                    && a.substring(i + 2).equals(b.substring(i + 2));
            char x = a.charAt(i);
            char y = b.charAt(i);
            boolean soundsAlike = SAME_SOUND.stream().anyMatch(pair -> pair.indexOf(x) >= 0 && pair.indexOf(y) >= 0)
                    && a.substring(i + 1).equals(b.substring(i + 1));
            return swapped || soundsAlike;
        }
        return a.length() > b.length()
                ? a.substring(i + 1).equals(b.substring(i))
                : a.substring(i).equals(b.substring(i + 1));
    }

    private static final List<String> SAME_SOUND = List.of("bv", "csz", "gj", "iy", "ck", "xs");

    private static List<String> lines(String resource) {
        try (InputStream in = Lexicon.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the orchestrator's jar");
            }
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))
                    .lines()
                    .map(String::trim)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Entry(String concept, String language, String stem) {

        boolean matches(String word) {
            return stem.length() >= 4 ? word.startsWith(stem) : word.equals(stem);
        }

        /** One typo away from this stem, or from a word that starts with it (the stem is a prefix). */
        boolean nearly(String word) {
            if (stem.length() < MIN_TYPO_WORD) {
                return false;
            }
            for (int length = stem.length() - 1; length <= stem.length() + 1 && length <= word.length(); length++) {
                if (oneTypoApart(word.substring(0, length), stem)) {
                    return true;
                }
            }
            return false;
        }
    }
}
