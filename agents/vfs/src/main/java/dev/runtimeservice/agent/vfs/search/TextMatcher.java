package dev.runtimeservice.agent.vfs.search;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Finds the lines of a text file that hold a piece of text; binary files (a NUL byte) are skipped. */
final class TextMatcher {

    static final int MAX_LINES_PER_FILE = 5;
    private static final int MAX_LINE_LENGTH = 200;
    private static final int BINARY_PROBE = 8192;

    private final String needle;
    private final boolean caseSensitive;

    TextMatcher(String text, boolean caseSensitive) {
        this.caseSensitive = caseSensitive;
        this.needle = caseSensitive ? text : text.toLowerCase(Locale.ROOT);
    }

    /** Returns the matching lines, or empty when the file is binary. */
    Optional<List<SearchHit.LineMatch>> find(Path file) throws IOException {
        if (isBinary(file)) {
            return Optional.empty();
        }
        List<SearchHit.LineMatch> matches = new ArrayList<>();
        var decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(Files.newInputStream(file), decoder))) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null && matches.size() < MAX_LINES_PER_FILE) {
                number++;
                String haystack = caseSensitive ? line : line.toLowerCase(Locale.ROOT);
                if (haystack.contains(needle)) {
                    String shown = line.strip();
                    matches.add(new SearchHit.LineMatch(
                            number, shown.length() > MAX_LINE_LENGTH ? shown.substring(0, MAX_LINE_LENGTH) : shown));
                }
            }
        }
        return Optional.of(matches);
    }

    private static boolean isBinary(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(BINARY_PROBE);
            for (byte b : head) {
                if (b == 0) {
                    return true;
                }
            }
            return false;
        }
    }
}
