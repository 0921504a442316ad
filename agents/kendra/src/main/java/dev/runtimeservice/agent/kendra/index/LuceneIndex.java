package dev.runtimeservice.agent.kendra.index;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.FSDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one writer and the searchers of the on-disk Lucene index; safe for concurrent use.
 *
 * <p>Writes become durable and visible only on {@link #commit()}, which callers run before they
 * acknowledge a write; a kill at any other moment loses nothing that was acknowledged.
 */
public final class LuceneIndex implements Closeable {

    private static final Logger log = LoggerFactory.getLogger(LuceneIndex.class);

    private final Path path;
    private final Analyzer analyzer;
    private final FSDirectory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;

    /**
     * Opens the index at a folder, creating it when absent.
     *
     * @param path the index folder
     * @throws UncheckedIOException when the folder cannot be created or the index opened
     */
    public LuceneIndex(Path path) {
        this.path = path;
        this.analyzer = Analysis.perField();
        try {
            Files.createDirectories(path);
            this.directory = FSDirectory.open(path);
            this.writer = new IndexWriter(
                    directory,
                    new IndexWriterConfig(analyzer).setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND));
            this.searchers = new SearcherManager(writer, null);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Cannot open the index at " + path
                            + "; check that the folder is writable and not used by another kendra",
                    e);
        }
        log.info("Opened index {} with {} documents", path, count());
    }

    /**
     * Returns the analyzer of the text fields, for parsing and highlighting queries.
     *
     * @return the per-field analyzer the index was written with
     */
    public Analyzer analyzer() {
        return analyzer;
    }

    /**
     * Returns the index folder.
     *
     * @return the folder
     */
    public Path path() {
        return path;
    }

    /**
     * Adds documents, replacing any with the same id; they show after the next {@link #commit()}.
     *
     * @param documents Lucene documents built by {@link DocumentFields#toLucene}
     * @throws IOException when the index cannot be written
     */
    public void upsert(List<Document> documents) throws IOException {
        for (Document document : documents) {
            writer.updateDocument(new Term(DocumentFields.ID, document.get(DocumentFields.ID)), document);
        }
    }

    /**
     * Deletes a document; it is gone after the next {@link #commit()}.
     *
     * @param id the document id
     * @throws IOException when the index cannot be written
     */
    public void delete(String id) throws IOException {
        writer.deleteDocuments(new Term(DocumentFields.ID, id));
    }

    /**
     * Makes every write so far durable on disk, then visible to searches.
     *
     * @throws IOException when the commit fails; nothing after the last commit is durable then
     */
    public void commit() throws IOException {
        writer.commit();
        searchers.maybeRefreshBlocking();
    }

    /**
     * Runs a read on a searcher that sees the last refresh.
     *
     * @param read what to do with the searcher
     * @param <T> the result type
     * @return the read's result
     * @throws IOException when the index cannot be read
     */
    public <T> T read(SearcherFunction<T> read) throws IOException {
        IndexSearcher searcher = searchers.acquire();
        try {
            return read.apply(searcher);
        } finally {
            searchers.release(searcher);
        }
    }

    /**
     * Finds a document by id.
     *
     * @param id the document id
     * @return the document, or empty when the index has none with that id
     * @throws IOException when the index cannot be read
     */
    public Optional<IndexedDocument> find(String id) throws IOException {
        return read(searcher -> {
            TopDocs top = searcher.search(new TermQuery(new Term(DocumentFields.ID, id)), 1);
            if (top.scoreDocs.length == 0) {
                return Optional.empty();
            }
            return Optional.of(DocumentFields.fromLucene(searcher.storedFields().document(top.scoreDocs[0].doc)));
        });
    }

    /**
     * Counts the searchable documents.
     *
     * @return the number of live documents
     */
    public int count() {
        try {
            return read(searcher -> searcher.getIndexReader().numDocs());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Commits what is pending and closes the index. */
    @Override
    public void close() throws IOException {
        searchers.close();
        writer.close();
        directory.close();
        log.info("Closed index {}", path);
    }

    /**
     * A read on an index searcher.
     *
     * @param <T> the result type
     */
    @FunctionalInterface
    public interface SearcherFunction<T> {

        /**
         * Reads.
         *
         * @param searcher a searcher valid for the duration of the call
         * @return the result
         * @throws IOException when the index cannot be read
         */
        T apply(IndexSearcher searcher) throws IOException;
    }
}
