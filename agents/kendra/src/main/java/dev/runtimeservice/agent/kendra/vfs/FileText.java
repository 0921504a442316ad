package dev.runtimeservice.agent.kendra.vfs;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns a file's bytes into text and finds its title: the first Markdown heading, the HTML title, or its name. */
final class FileText {

    /** The first bytes vfs also looks at to tell binary files: a NUL byte there means binary. */
    static final int BINARY_PROBE_BYTES = 8192;

    private static final int TITLE_SEARCH_CHARS = 20_000;
    private static final Pattern MARKDOWN_HEADING =
            Pattern.compile("^ {0,3}#{1,6}[ \\t]+(.+?)[ \\t#]*$", Pattern.MULTILINE);
    private static final Pattern HTML_TITLE = Pattern.compile("<title[^>]*>([^<]+)</title>", Pattern.CASE_INSENSITIVE);

    private FileText() {}

    /**
     * Decodes a file as UTF-8 text.
     *
     * @param bytes the whole file
     * @return its text, without a byte order mark
     * @throws SkippedFileException when the file is binary or not UTF-8
     */
    static String decode(byte[] bytes) {
        for (int i = 0; i < Math.min(bytes.length, BINARY_PROBE_BYTES); i++) {
            if (bytes[i] == 0) {
                throw new SkippedFileException("binary file (a NUL byte in its first " + BINARY_PROBE_BYTES
                        + " bytes); only text files are indexed");
            }
        }
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new SkippedFileException("not UTF-8 text; save it as UTF-8 to index it");
        }
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    /**
     * Finds a file's title.
     *
     * @param path its vfs path
     * @param text its text
     * @return the first heading of a Markdown file, the title of an HTML file, or else the file name
     */
    static String title(String path, String text) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        String lower = name.toLowerCase(Locale.ROOT);
        String head = text.length() > TITLE_SEARCH_CHARS ? text.substring(0, TITLE_SEARCH_CHARS) : text;
        Pattern pattern = lower.endsWith(".md") || lower.endsWith(".markdown")
                ? MARKDOWN_HEADING
                : lower.endsWith(".html") || lower.endsWith(".htm") ? HTML_TITLE : null;
        if (pattern != null) {
            Matcher matcher = pattern.matcher(head);
            if (matcher.find() && !matcher.group(1).isBlank()) {
                return matcher.group(1).strip();
            }
        }
        return name;
    }
}
