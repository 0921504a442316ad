package dev.runtimeservice.agent.kendra.ingest;

import dev.runtimeservice.agent.kendra.embedding.TextEmbedder;
import dev.runtimeservice.agent.kendra.index.IndexFailureException;
import dev.runtimeservice.agent.kendra.index.IndexedDocument;
import dev.runtimeservice.agent.kendra.index.KendraProperties;
import dev.runtimeservice.agent.kendra.index.LuceneIndex;
import dev.runtimeservice.agent.sdk.skill.SkillCancelledException;
import dev.runtimeservice.agent.sdk.skill.SkillContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** Adds, replaces, reads and deletes documents; every write is committed before it returns. */
@Service
public class IngestService {

    private final LuceneIndex index;
    private final TextEmbedder embedder;
    private final KendraProperties properties;
    private final BatchReader reader;

    /**
     * Creates the service.
     *
     * @param index the index
     * @param embedder the embedding model
     * @param properties chunk size and embedded length
     * @param mapper the JSON mapper for batches
     */
    public IngestService(LuceneIndex index, TextEmbedder embedder, KendraProperties properties, ObjectMapper mapper) {
        this.index = index;
        this.embedder = embedder;
        this.properties = properties;
        this.reader = new BatchReader(mapper);
    }

    /**
     * Indexes a batch, the work of the {@code ingest} skill whichever way the batch came. Between two documents it
     * stops when the task was cancelled: the documents read until then are added and committed, so the index holds
     * exactly a first part of the batch, each document whole (a document is added or replaced by id in one Lucene
     * update), and nothing of the rest. Rolling the first part back is not possible: the index writer is shared
     * with other batches, and a rollback would drop their uncommitted documents too.
     *
     * @param documents the batch
     * @param context the caller's task, to stop on a cancel
     * @return what was indexed, durable on disk, and what was not
     * @throws IOException when the body cannot be read
     * @throws SkillCancelledException when the task was cancelled, saying how far the batch got
     */
    public IngestResult ingest(DocumentBatch documents, SkillContext context) throws IOException {
        long start = System.nanoTime();
        ChunkedBatch batch = newBatch(context);
        try {
            documents.read(reader, batch::accept);
        } catch (SkillCancelledException cancelled) {
            IngestResult done = batch.finish(start);
            throw new SkillCancelledException(("The first %d documents of the batch were read before the cancel: %d "
                            + "of them are indexed and committed, %d rejected; the rest was not read. Send the "
                            + "documents after #%d again to index them.")
                    .formatted(batch.read(), done.indexed(), done.failed().size(), batch.read()));
        }
        return batch.finish(start);
    }

    /**
     * Indexes JSON documents made one at a time by the caller, such as files read from vfs, outside any task; each
     * is checked like a document of a batch, and its position is its 1-based place in the stream.
     *
     * @param documents the documents, consumed in order and lazily
     * @return what was indexed, durable on disk, and what was not
     */
    public IngestResult ingestNodes(Stream<JsonNode> documents) {
        try {
            return ingest(DocumentBatch.nodes(documents), SkillContext.NONE);
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible); // made in memory: nothing is read from a stream
        }
    }

    /**
     * Checks a JSON document as a batch would, without indexing it.
     *
     * @param document the document
     * @return what is wrong with it and what to change, or empty when it can be indexed
     */
    public Optional<String> problemWith(JsonNode document) {
        try {
            DocumentParser.parse(document);
            return Optional.empty();
        } catch (InvalidDocumentException e) {
            return Optional.of(String.valueOf(e.getMessage()));
        }
    }

    /**
     * Indexes documents already checked, as the quality test and the benchmark do.
     *
     * @param documents the documents
     * @return the acknowledgement
     */
    public IngestResult ingest(List<IndexedDocument> documents) {
        long start = System.nanoTime();
        ChunkedBatch batch = newBatch(SkillContext.NONE);
        for (int i = 0; i < documents.size(); i++) {
            batch.add(i + 1, documents.get(i));
        }
        return batch.finish(start);
    }

    /**
     * Returns a document.
     *
     * @param id its id
     * @return the document as ingested
     * @throws DocumentNotFoundException when no document has that id
     */
    public IndexedDocument get(String id) {
        try {
            return index.find(id).orElseThrow(() -> new DocumentNotFoundException(id));
        } catch (IOException e) {
            throw new IndexFailureException("read the index", e);
        }
    }

    /**
     * Deletes a document, durably.
     *
     * @param id its id
     * @throws DocumentNotFoundException when no document has that id
     */
    public void delete(String id) {
        get(id);
        try {
            index.delete(id);
            index.commit();
        } catch (IOException e) {
            throw new IndexFailureException("delete the document", e);
        }
    }

    private ChunkedBatch newBatch(SkillContext context) {
        return new ChunkedBatch(index, embedder, properties.ingestChunkSize(), properties.maxEmbeddedChars(), context);
    }
}
