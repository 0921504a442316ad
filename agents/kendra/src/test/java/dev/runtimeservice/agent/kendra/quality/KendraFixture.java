package dev.runtimeservice.agent.kendra.quality;

import dev.runtimeservice.agent.kendra.embedding.TextEmbedder;
import dev.runtimeservice.agent.kendra.index.KendraProperties;
import dev.runtimeservice.agent.kendra.index.LuceneIndex;
import dev.runtimeservice.agent.kendra.ingest.IngestService;
import dev.runtimeservice.agent.kendra.search.SearchService;
import java.io.IOException;
import java.nio.file.Path;
import tools.jackson.databind.json.JsonMapper;

/** The real index, model and services wired without Spring, for the quality test and the benchmark. */
public final class KendraFixture implements AutoCloseable {

    private final LuceneIndex index;
    private final IngestService ingest;
    private final SearchService search;

    /**
     * Opens an index in a folder with the default settings.
     *
     * @param indexDir the folder
     * @param embedder the embedding model, loaded once by the caller
     */
    public KendraFixture(Path indexDir, TextEmbedder embedder) {
        this(indexDir, embedder, 0.5f);
    }

    /**
     * Opens an index in a folder with the default settings but the weight of translated words.
     *
     * @param indexDir the folder
     * @param embedder the embedding model, loaded once by the caller
     * @param translationWeight 0 turns query translation off, as before issue 25
     */
    public KendraFixture(Path indexDir, TextEmbedder embedder, float translationWeight) {
        KendraProperties properties = new KendraProperties(indexDir, 32, 100, 60, 2000, translationWeight, 3);
        this.index = new LuceneIndex(indexDir);
        this.ingest = new IngestService(
                index, embedder, properties, JsonMapper.builder().build());
        this.search = new SearchService(index, embedder, properties);
    }

    public IngestService ingest() {
        return ingest;
    }

    public SearchService search() {
        return search;
    }

    @Override
    public void close() throws IOException {
        index.close();
    }
}
