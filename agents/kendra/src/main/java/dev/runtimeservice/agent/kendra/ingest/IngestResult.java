package dev.runtimeservice.agent.kendra.ingest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The acknowledgement of a batch: every document counted in {@code indexed} is durable on disk.
 *
 * @param indexed how many documents were added or replaced
 * @param failed the documents that were not, each with why
 * @param tookMs how long the batch took
 */
public record IngestResult(
        int indexed,
        List<Failure> failed,
        @JsonProperty("took_ms") long tookMs) {

    /** Copies the failures. */
    public IngestResult {
        failed = List.copyOf(failed);
    }

    /**
     * A document of the batch that was not indexed.
     *
     * @param position its 1-based position in the JSON array, or its line in NDJSON
     * @param id its id, when it had a usable one
     * @param error what is wrong and what to change
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Failure(long position, @Nullable String id, String error) {}
}
