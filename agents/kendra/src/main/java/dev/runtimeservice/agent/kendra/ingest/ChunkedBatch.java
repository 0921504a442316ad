package dev.runtimeservice.agent.kendra.ingest;

import dev.runtimeservice.agent.kendra.embedding.TextEmbedder;
import dev.runtimeservice.agent.kendra.index.DocumentFields;
import dev.runtimeservice.agent.kendra.index.IndexFailureException;
import dev.runtimeservice.agent.kendra.index.IndexedDocument;
import dev.runtimeservice.agent.kendra.index.LuceneIndex;
import dev.runtimeservice.agent.sdk.skill.SkillContext;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.document.Document;
import org.jspecify.annotations.Nullable;

/** One batch on its way into the index: checked, embedded and added a chunk at a time. */
final class ChunkedBatch {

    private record Pending(long position, IndexedDocument document) {}

    private final LuceneIndex index;
    private final TextEmbedder embedder;
    private final int chunkSize;
    private final int maxEmbeddedChars;
    private final List<Pending> pending = new ArrayList<>();
    private final List<IngestResult.Failure> failures = new ArrayList<>();
    private final SkillContext context;
    private int indexed;
    private long read;

    ChunkedBatch(LuceneIndex index, TextEmbedder embedder, int chunkSize, int maxEmbeddedChars, SkillContext context) {
        this.index = index;
        this.embedder = embedder;
        this.chunkSize = chunkSize;
        this.maxEmbeddedChars = maxEmbeddedChars;
        this.context = context;
    }

    /**
     * Takes the next entry of the batch; before it, the safe point where a cancelled task stops: every earlier
     * document is whole in {@code pending} or in the index writer.
     */
    void accept(BatchItem item) {
        context.stopIfCancelled("");
        read++;
        if (item instanceof BatchItem.Parsed parsed) {
            accept(parsed);
        } else if (item instanceof BatchItem.Malformed bad) {
            failures.add(new IngestResult.Failure(bad.position(), null, bad.reason()));
        }
    }

    void add(long position, IndexedDocument document) {
        pending.add(new Pending(position, document));
        if (pending.size() >= chunkSize) {
            flush();
        }
    }

    /** @return how many entries of the batch were taken */
    long read() {
        return read;
    }

    /** Adds what is left and commits; only after this are the documents acknowledged. */
    IngestResult finish(long startNanos) {
        flush();
        try {
            index.commit();
        } catch (IOException e) {
            throw new IndexFailureException("commit the batch", e);
        }
        return new IngestResult(indexed, failures, (System.nanoTime() - startNanos) / 1_000_000);
    }

    private void accept(BatchItem.Parsed parsed) {
        try {
            add(parsed.position(), DocumentParser.parse(parsed.node()));
        } catch (InvalidDocumentException e) {
            failures.add(new IngestResult.Failure(
                    parsed.position(), DocumentParser.idOf(parsed.node()), String.valueOf(e.getMessage())));
        }
    }

    private void flush() {
        if (pending.isEmpty()) {
            return;
        }
        List<Document> documents = new ArrayList<>();
        List<float[]> vectors = embed();
        for (int i = 0; i < pending.size(); i++) {
            if (vectors.get(i) != null) {
                documents.add(DocumentFields.toLucene(pending.get(i).document(), vectors.get(i)));
            }
        }
        try {
            index.upsert(documents);
        } catch (IOException e) {
            throw new IndexFailureException("add documents to the index", e);
        }
        indexed += documents.size();
        pending.clear();
        context.progress("Added " + indexed + " documents of the batch so far.");
    }

    /** Embeds the chunk; when the model fails on the chunk, embeds one by one to find the culprit. */
    private List<float[]> embed() {
        List<String> texts = pending.stream()
                .map(p -> p.document().embeddingText(maxEmbeddedChars))
                .toList();
        try {
            return embedder.embedAll(texts);
        } catch (RuntimeException chunkFailure) {
            List<float[]> vectors = new ArrayList<>();
            for (int i = 0; i < texts.size(); i++) {
                vectors.add(embedOne(pending.get(i), texts.get(i)));
            }
            return vectors;
        }
    }

    /** The document's vector, or null when the model failed on it (the failure is noted). */
    private float @Nullable [] embedOne(Pending document, String text) {
        try {
            return embedder.embed(text);
        } catch (RuntimeException e) {
            failures.add(new IngestResult.Failure(
                    document.position(),
                    document.document().id(),
                    "the embedding model failed on this document ("
                            + e.getClass().getSimpleName() + ")"));
            return null;
        }
    }
}
