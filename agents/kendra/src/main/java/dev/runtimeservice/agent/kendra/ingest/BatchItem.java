package dev.runtimeservice.agent.kendra.ingest;

import tools.jackson.databind.JsonNode;

/** One entry read from a batch: a JSON document, or a part that is not JSON. */
sealed interface BatchItem {

    /** Where the entry is: the 1-based position in a JSON array, or the line of an NDJSON body. */
    long position();

    /** A JSON value, still to be checked. */
    record Parsed(long position, JsonNode node) implements BatchItem {}

    /**
     * A part that is not JSON.
     *
     * @param position where it is
     * @param reason what is wrong
     * @param fatal whether the rest of the body could not be read after it
     */
    record Malformed(long position, String reason, boolean fatal) implements BatchItem {}
}
