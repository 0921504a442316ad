package dev.runtimeservice.agent.kendra.ingest;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.function.Consumer;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;

/**
 * The input of the {@code ingest} skill: documents to index, read one at a time from wherever they come. Over A2A
 * they are the data part (an array, or {@code {"documents": [...]}}); {@code POST /documents} hands in its request
 * body as a stream, JSON or NDJSON, so that a large upload is never held in memory. Either way the same handler
 * checks, indexes and answers them.
 */
public final class DocumentBatch {

    static final String NOT_A_BATCH = "the body must be a JSON array of documents or {\"documents\": [...]}";

    /** Reads the documents into a sink, one at a time. */
    @FunctionalInterface
    interface Source {
        void read(BatchReader reader, Consumer<BatchItem> sink) throws IOException;
    }

    private final Source source;

    private DocumentBatch(Source source) {
        this.source = source;
    }

    /**
     * The documents of a JSON value, as an A2A data part carries them.
     *
     * @param body an array of documents or {@code {"documents": [...]}}
     * @return the batch
     */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static DocumentBatch of(JsonNode body) {
        JsonNode documents = body.isArray() ? body : body.path("documents");
        return new DocumentBatch((reader, sink) -> {
            if (!documents.isArray()) {
                sink.accept(new BatchItem.Malformed(0, NOT_A_BATCH, true));
                return;
            }
            long position = 0;
            for (JsonNode document : documents) {
                sink.accept(new BatchItem.Parsed(++position, document));
            }
        });
    }

    /**
     * A JSON request body, read as it arrives.
     *
     * @param body an array of documents or {@code {"documents": [...]}}
     * @return the batch
     */
    public static DocumentBatch json(InputStream body) {
        return new DocumentBatch((reader, sink) -> reader.readJson(body, sink));
    }

    /**
     * An NDJSON request body, one document per line, read as it arrives.
     *
     * @param body the lines
     * @return the batch
     */
    public static DocumentBatch ndjson(InputStream body) {
        return new DocumentBatch((reader, sink) -> reader.readLines(body, sink));
    }

    /**
     * Documents made one at a time by the caller, such as files read from vfs.
     *
     * @param documents the documents, consumed in order and lazily
     * @return the batch
     */
    public static DocumentBatch nodes(Stream<JsonNode> documents) {
        return new DocumentBatch((reader, sink) -> {
            Iterator<JsonNode> nodes = documents.iterator();
            for (long position = 1; nodes.hasNext(); position++) {
                sink.accept(new BatchItem.Parsed(position, nodes.next()));
            }
        });
    }

    void read(BatchReader reader, Consumer<BatchItem> sink) throws IOException {
        source.read(reader, sink);
    }
}
