package dev.runtimeservice.agent.vfs.path;

import dev.runtimeservice.agent.vfs.error.BadPathException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A path inside the vfs, relative to its root ({@code docs/a.md}; the root itself is the empty
 * path), checked so that no name can climb out of its folder or be read differently by the host.
 *
 * @param names the names from the root down; empty for the root
 */
public record VirtualPath(List<String> names) {

    /** Longest accepted path, in characters. */
    public static final int MAX_PATH_LENGTH = 1024;

    /** Longest accepted name, in UTF-8 bytes (the common limit of Linux, macOS and Windows). */
    public static final int MAX_NAME_BYTES = 255;

    /** Names starting with this are vfs's own (temporary files of writes in progress). */
    public static final String RESERVED_PREFIX = ".vfs-";

    /** The root of the vfs. */
    public static final VirtualPath ROOT = new VirtualPath(List.of());

    private static final Pattern PERCENT_ENCODED = Pattern.compile("%[0-9A-Fa-f]{2}");
    private static final Pattern DRIVE = Pattern.compile("^[A-Za-z]:");

    /**
     * Copies the names.
     *
     * @param names the names from the root down
     */
    public VirtualPath {
        names = List.copyOf(names);
    }

    /**
     * Parses and checks a path as a client sent it (already URL-decoded once by the server).
     *
     * @param raw the path, such as {@code docs/a.md}; {@code null} or empty means the root
     * @return the path
     * @throws BadPathException saying why the path is refused
     */
    public static VirtualPath parse(@Nullable String raw) {
        if (raw == null || raw.isEmpty()) {
            return ROOT;
        }
        checkWhole(raw);
        String trimmed = raw.endsWith("/") ? raw.substring(0, raw.length() - 1) : raw;
        List<String> names = new ArrayList<>();
        for (String name : trimmed.split("/", -1)) {
            checkName(raw, name);
            names.add(name);
        }
        return new VirtualPath(names);
    }

    private static void checkWhole(String raw) {
        if (raw.length() > MAX_PATH_LENGTH) {
            throw refused(raw, "is longer than " + MAX_PATH_LENGTH + " characters; use a shorter path");
        }
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == 0) {
                throw refused(raw, "contains a NUL byte; remove it");
            }
            if (Character.isISOControl(c)) {
                throw refused(raw, "contains the control character U+%04X; remove it".formatted((int) c));
            }
            if (Character.isSurrogate(c) && !validSurrogatePair(raw, i)) {
                throw refused(raw, "is not valid Unicode (a lone surrogate); send it as UTF-8");
            }
        }
        if (raw.indexOf('\uFFFD') >= 0) {
            throw refused(raw, "contains U+FFFD, the mark of bytes that were not valid UTF-8; send it as UTF-8");
        }
        if (raw.indexOf('\\') >= 0) {
            throw refused(raw, "contains a backslash; separate names with '/'");
        }
        if (raw.startsWith("/")) {
            throw refused(raw, "is absolute; virtual paths are relative to the vfs root, such as 'docs/a.md'");
        }
        if (DRIVE.matcher(raw).find()) {
            throw refused(raw, "looks like a Windows drive path; virtual paths are relative, such as 'docs/a.md'");
        }
        if (PERCENT_ENCODED.matcher(raw).find()) {
            throw refused(raw, "contains a percent-encoded sequence such as '%2e'; URL-encode the path exactly once");
        }
    }

    private static boolean validSurrogatePair(String raw, int i) {
        char c = raw.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 < raw.length() && Character.isLowSurrogate(raw.charAt(i + 1));
        }
        return i > 0 && Character.isHighSurrogate(raw.charAt(i - 1));
    }

    private static void checkName(String raw, String name) {
        if (name.isEmpty()) {
            throw refused(raw, "has an empty name (two '/' in a row or a leading '/'); remove it");
        }
        if (name.equals(".") || name.equals("..")) {
            throw refused(raw, "contains '" + name + "'; name each folder, paths cannot climb out of their folder");
        }
        String compatible = Normalizer.normalize(name, Normalizer.Form.NFKC);
        if (compatible.equals(".")
                || compatible.equals("..")
                || compatible.contains("/")
                || compatible.contains("\\")) {
            throw refused(raw, "contains a character that some systems read as '.', '..' or a separator; rename it");
        }
        if (name.getBytes(StandardCharsets.UTF_8).length > MAX_NAME_BYTES) {
            throw refused(raw, "has a name longer than " + MAX_NAME_BYTES + " bytes in UTF-8; use a shorter name");
        }
        if (name.startsWith(RESERVED_PREFIX)) {
            throw refused(raw, "uses a name starting with '" + RESERVED_PREFIX + "', which vfs reserves; rename it");
        }
    }

    private static BadPathException refused(String raw, String why) {
        return new BadPathException("Path '" + printable(raw) + "' " + why + ".");
    }

    /** Shows a refused path without control characters and cut to a readable length. */
    static String printable(String raw) {
        StringBuilder out = new StringBuilder();
        raw.codePoints().limit(120).forEach(cp -> {
            if (Character.isISOControl(cp) || Character.getType(cp) == Character.SURROGATE) {
                out.append("\\u%04X".formatted(cp));
            } else {
                out.appendCodePoint(cp);
            }
        });
        return raw.codePointCount(0, raw.length()) > 120 ? out + "..." : out.toString();
    }

    /**
     * Tells whether this is the root.
     *
     * @return {@code true} for the empty path
     */
    public boolean isRoot() {
        return names.isEmpty();
    }

    /**
     * Returns the last name.
     *
     * @return the last name, or the empty string for the root
     */
    public String name() {
        return isRoot() ? "" : names.get(names.size() - 1);
    }

    /**
     * Returns the folder holding this path.
     *
     * @return the parent; the root for a top-level name and for the root itself
     */
    public VirtualPath parent() {
        return isRoot() ? this : new VirtualPath(names.subList(0, names.size() - 1));
    }

    /**
     * Returns a path one level down, for a name read from the disk (not checked: it exists there).
     *
     * @param name the child's name
     * @return the child
     */
    public VirtualPath child(String name) {
        List<String> more = new ArrayList<>(names);
        more.add(name);
        return new VirtualPath(more);
    }

    /**
     * Tells whether this path is the other one or lies below it.
     *
     * @param other the possible ancestor
     * @return {@code true} when {@code other} is this path or one of its ancestors
     */
    public boolean startsWith(VirtualPath other) {
        return names.size() >= other.names.size()
                && names.subList(0, other.names.size()).equals(other.names);
    }

    /** Returns the path as clients write it: names joined by '/', empty for the root. */
    @Override
    public String toString() {
        return String.join("/", names);
    }
}
