package dev.runtimeservice.agent.vfs.api;

import dev.runtimeservice.agent.vfs.store.Entry;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Where {@code vfs.read} sends a file's bytes: the REST response (every byte, with the HTTP status and headers
 * set first) or, over A2A, a buffer of the first MiB that becomes the answer's text or base64.
 */
interface ByteTarget {

    /**
     * What is about to be sent, decided by the skill before any byte.
     *
     * @param entry the file
     * @param size the size of the opened file (a concurrent write renames a new file in: the name may differ)
     * @param slice the byte range asked for and served, or empty for the whole file
     * @param unchanged whether the caller already has this version (its If-None-Match matched): no bytes follow
     */
    record Delivery(Entry entry, long size, Optional<ByteRange> slice, boolean unchanged) {

        long start() {
            return slice.map(ByteRange::start).orElse(0L);
        }

        long length() {
            return slice.map(ByteRange::length).orElse(size);
        }
    }

    /**
     * Prepares for the bytes.
     *
     * @param delivery what follows
     * @return where to write them, or null when none follow (unchanged)
     * @throws IOException when the target cannot take them
     */
    @Nullable
    OutputStream open(Delivery delivery) throws IOException;

    /** @return the most bytes this target takes; the skill reads no further */
    long limit();

    /**
     * The skill's structured answer once the bytes are written.
     *
     * @param delivery what was sent
     * @return the answer
     */
    VfsInputs.Content content(Delivery delivery);
}
