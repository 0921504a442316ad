package dev.runtimeservice.agent.kendra.vfs;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The acknowledgement of indexing files from vfs: every file in {@code documents} is durable in the index.
 *
 * @param indexed how many files were added or replaced
 * @param documents each indexed file and the id of its document
 * @param skipped files left out on purpose (binary, too large, not a regular file), each with why
 * @param failed files that could not be read or indexed, each with the error
 * @param truncated whether more files matched than one request indexes ({@code kendra.vfs.max-files})
 * @param vfs the vfs the files were read from
 * @param tookMs how long it took
 */
record VfsIngestResult(
        int indexed,
        List<IndexedFile> documents,
        List<SkippedFile> skipped,
        List<FailedFile> failed,
        boolean truncated,
        String vfs,
        @JsonProperty("took_ms") long tookMs) {

    VfsIngestResult {
        documents = List.copyOf(documents);
        skipped = List.copyOf(skipped);
        failed = List.copyOf(failed);
    }

    /** A file that is now a document. */
    record IndexedFile(String path, String id) {}

    /** A file left out on purpose. */
    record SkippedFile(String path, String reason) {}

    /** A file that could not be read or indexed; {@code id} is absent when it was not read. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record FailedFile(String path, @Nullable String id, String error) {}
}
