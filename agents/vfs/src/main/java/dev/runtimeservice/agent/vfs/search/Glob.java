package dev.runtimeservice.agent.vfs.search;

import dev.runtimeservice.agent.vfs.error.BadRequestException;
import java.util.regex.Pattern;

/**
 * A glob matched against paths relative to the searched folder: {@code *} and {@code ?} stay within
 * one name, {@code **} crosses folders ({@code **}{@code /} also matches no folder at all, so
 * {@code **}{@code /*.md} finds top-level files too), {@code {a,b}} is either, {@code [abc]} one of.
 */
public final class Glob {

    private static final int MAX_LENGTH = 256;

    private final String text;
    private final Pattern pattern;

    private Glob(String text, Pattern pattern) {
        this.text = text;
        this.pattern = pattern;
    }

    /**
     * Compiles a glob.
     *
     * @param glob the glob, such as {@code **}{@code /*.md}
     * @return the compiled glob
     * @throws BadRequestException when the glob is too long or malformed
     */
    public static Glob compile(String glob) {
        if (glob.isEmpty() || glob.length() > MAX_LENGTH) {
            throw new BadRequestException("The glob must have 1 to " + MAX_LENGTH + " characters, such as '**/*.md'.");
        }
        try {
            return new Glob(glob, Pattern.compile(toRegex(glob)));
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("The glob '" + glob + "' is malformed ("
                    + e.getMessage().lines().findFirst().orElse("") + "); close every '[' and '{'.");
        }
    }

    static String toRegex(String glob) {
        StringBuilder regex = new StringBuilder();
        int braces = 0;
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            switch (c) {
                case '*' -> {
                    if (i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                        boolean slash = i + 2 < glob.length() && glob.charAt(i + 2) == '/';
                        regex.append(slash ? "(?:.*/)?" : ".*");
                        i += slash ? 2 : 1;
                    } else {
                        regex.append("[^/]*");
                    }
                }
                case '?' -> regex.append("[^/]");
                case '{' -> {
                    braces++;
                    regex.append("(?:");
                }
                case '}' -> {
                    if (braces == 0) {
                        throw new IllegalArgumentException("'}' without '{'");
                    }
                    braces--;
                    regex.append(')');
                }
                case ',' -> regex.append(braces > 0 ? "|" : ",");
                case '[' -> i = charClass(glob, i, regex);
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        if (braces > 0) {
            throw new IllegalArgumentException("'{' without '}'");
        }
        return regex.toString();
    }

    private static int charClass(String glob, int start, StringBuilder regex) {
        int end = glob.indexOf(']', start + 2);
        if (end < 0) {
            throw new IllegalArgumentException("'[' without ']'");
        }
        String body = glob.substring(start + 1, end).replace("\\", "\\\\").replace("[", "\\[");
        regex.append('[')
                .append(body.startsWith("!") ? "^" + body.substring(1) : body)
                .append(']');
        return end;
    }

    /**
     * Tells whether a relative path matches.
     *
     * @param relativePath names joined by '/', relative to the searched folder
     * @return whether it matches
     */
    public boolean matches(String relativePath) {
        return pattern.matcher(relativePath).matches();
    }

    @Override
    public String toString() {
        return text;
    }
}
