package dev.runtimeservice.agent.orchestrator.delegation;

import dev.runtimeservice.agent.orchestrator.routing.TextAnalysis;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What an instruction says beyond its intent: quoted text, paths, the text after a colon, a target language. */
public final class Arguments {

    private static final Pattern QUOTED = Pattern.compile("\"([^\"]+)\"|“([^”]+)”|«([^»]+)»|'([^']+)'");
    private static final Pattern PATH = TextAnalysis.PATH;
    private static final Pattern GLOB = Pattern.compile("\\S*\\*\\S*|(?<!\\w)\\.[A-Za-z0-9]{1,5}(?!\\w)");
    private static final Pattern TOPIC =
            Pattern.compile("(?i)\\b(?:about|on|regarding|concerning|for|sobre|acerca de|de|del|respecto a)\\s+(.+)$");
    private static final Pattern ID = Pattern.compile("(?i)\\bid\\s+([\\w.-]+)");
    private static final Pattern DOCUMENT = Pattern.compile("(?i)\\bdocumento?\\s+([\\w.-]*[\\d-][\\w.-]*)");
    private static final List<String[]> LANGUAGES = List.of(
            new String[] {"English", "english", "ingles", "inglés"},
                    new String[] {"Spanish", "spanish", "espanol", "español", "castellano"},
            new String[] {"French", "french", "frances", "francés"},
                    new String[] {"German", "german", "aleman", "alemán"},
            new String[] {"Italian", "italian", "italiano"},
                    new String[] {"Portuguese", "portuguese", "portugues", "portugués"});

    private final String text;

    /** Reads an instruction. */
    public Arguments(String text) {
        this.text = text.strip();
    }

    /** The first quoted text, if any. */
    public Optional<String> quoted() {
        Matcher m = QUOTED.matcher(text);
        if (!m.find()) {
            return Optional.empty();
        }
        for (int g = 1; g <= m.groupCount(); g++) {
            if (m.group(g) != null) {
                return Optional.of(m.group(g));
            }
        }
        return Optional.empty();
    }

    /** The paths named, in order, with quoted text left out. */
    public List<String> paths() {
        List<String> paths = new ArrayList<>();
        Matcher m = PATH.matcher(QUOTED.matcher(text).replaceAll(" "));
        while (m.find()) {
            paths.add(m.group().replaceAll("/+$", ""));
        }
        return paths;
    }

    /** A glob: a word with {@code *}, or {@code **}/*.ext for a bare extension such as {@code .csv}. */
    public Optional<String> glob() {
        Matcher m = GLOB.matcher(QUOTED.matcher(text).replaceAll(" "));
        if (!m.find()) {
            return Optional.empty();
        }
        String found = m.group();
        return Optional.of(found.startsWith(".") ? "**/*" + found : found);
    }

    /** The text after the first colon (what to summarise, translate, rewrite or store), or the quoted text. */
    public Optional<String> payload() {
        int colon = text.indexOf(':');
        if (colon >= 0
                && colon < text.length() - 1
                && !text.substring(colon + 1).isBlank()) {
            return Optional.of(text.substring(colon + 1).strip());
        }
        return quoted();
    }

    /** The instruction before the first colon. */
    public String head() {
        int colon = text.indexOf(':');
        return colon > 0 ? text.substring(0, colon).strip() : text;
    }

    /** What the instruction is about: the quoted text, else what follows "about" / "sobre" and the like. */
    public String topic() {
        Optional<String> quoted = quoted();
        if (quoted.isPresent()) {
            return quoted.get();
        }
        Matcher m = TOPIC.matcher(head());
        return (m.find() ? m.group(1) : head()).replaceAll("[?¿!¡.]+", " ").strip();
    }

    /** The language to translate into, in English, if named. */
    public Optional<String> targetLanguage() {
        String folded = text.toLowerCase(Locale.ROOT);
        for (String[] names : LANGUAGES) {
            for (int i = 1; i < names.length; i++) {
                if (Pattern.compile("\\b(?:into|to|al|a|en)\\s+(?:el\\s+)?" + names[i] + "\\b")
                        .matcher(folded)
                        .find()) {
                    return Optional.of(names[0]);
                }
            }
        }
        return Optional.empty();
    }

    /** A document id named after "id" or "document". */
    public Optional<String> documentId() {
        Matcher id = ID.matcher(text);
        if (id.find()) {
            return Optional.of(id.group(1));
        }
        Matcher document = DOCUMENT.matcher(text);
        return document.find() ? Optional.of(document.group(1)) : Optional.empty();
    }
}
