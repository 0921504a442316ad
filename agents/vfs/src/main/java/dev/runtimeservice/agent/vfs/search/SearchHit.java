package dev.runtimeservice.agent.vfs.search;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.runtimeservice.agent.vfs.store.EntryType;
import java.time.Instant;
import java.util.List;

/**
 * One file or folder a search found.
 *
 * @param path its virtual path
 * @param type file, folder, link or other
 * @param size its size in bytes (0 for folders)
 * @param modified its last modification time
 * @param matches the first lines that hold the searched text; empty for a glob-only search
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record SearchHit(String path, EntryType type, long size, Instant modified, List<LineMatch> matches) {

    /**
     * A line holding the searched text.
     *
     * @param line its number, from 1
     * @param text the line, cut to 200 characters
     */
    public record LineMatch(int line, String text) {}
}
