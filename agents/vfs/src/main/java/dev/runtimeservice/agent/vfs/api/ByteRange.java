package dev.runtimeservice.agent.vfs.api;

import dev.runtimeservice.agent.vfs.error.RangeNotSatisfiableException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One byte range of a {@code Range} header ({@code bytes=0-99}, {@code bytes=100-},
 * {@code bytes=-100}), clipped to the file; headers with several ranges or another unit are ignored
 * and the whole file is sent, as RFC 9110 allows.
 *
 * @param start the first byte
 * @param end the last byte, inclusive
 */
record ByteRange(long start, long end) {

    private static final Pattern SINGLE = Pattern.compile("bytes=(\\d{0,18})-(\\d{0,18})");

    static Optional<ByteRange> parse(String header, long size) {
        Matcher matcher = SINGLE.matcher(header.trim());
        if (!matcher.matches()
                || (matcher.group(1).isEmpty() && matcher.group(2).isEmpty())) {
            return Optional.empty();
        }
        if (matcher.group(1).isEmpty()) {
            long suffix = Long.parseLong(matcher.group(2));
            if (suffix == 0 || size == 0) {
                throw unsatisfiable(header, size);
            }
            return Optional.of(new ByteRange(Math.max(0, size - suffix), size - 1));
        }
        long start = Long.parseLong(matcher.group(1));
        long end = matcher.group(2).isEmpty() ? size - 1 : Math.min(Long.parseLong(matcher.group(2)), size - 1);
        if (start >= size || start > end) {
            throw unsatisfiable(header, size);
        }
        return Optional.of(new ByteRange(start, end));
    }

    private static RangeNotSatisfiableException unsatisfiable(String header, long size) {
        return new RangeNotSatisfiableException("Range '" + header + "' does not overlap the file, which has " + size
                + " bytes; ask for bytes 0 to " + Math.max(0, size - 1) + ".");
    }

    long length() {
        return end - start + 1;
    }

    String contentRange(long size) {
        return "bytes " + start + "-" + end + "/" + size;
    }
}
