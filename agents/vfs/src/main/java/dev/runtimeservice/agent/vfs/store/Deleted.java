package dev.runtimeservice.agent.vfs.store;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What a delete removed.
 *
 * @param path the deleted file or folder
 * @param files how many files (and links) went
 * @param folders how many folders went
 * @param bytes how many bytes of file content went
 */
public record Deleted(
        String path,
        long files,
        long folders,
        @JsonProperty("bytes_freed") long bytes) {}
