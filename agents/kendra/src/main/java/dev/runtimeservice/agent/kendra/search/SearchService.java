package dev.runtimeservice.agent.kendra.search;

import dev.runtimeservice.agent.kendra.crosslingual.BilingualLexicon;
import dev.runtimeservice.agent.kendra.crosslingual.QueryTranslator;
import dev.runtimeservice.agent.kendra.embedding.TextEmbedder;
import dev.runtimeservice.agent.kendra.index.DocumentFields;
import dev.runtimeservice.agent.kendra.index.IndexFailureException;
import dev.runtimeservice.agent.kendra.index.IndexedDocument;
import dev.runtimeservice.agent.kendra.index.KendraProperties;
import dev.runtimeservice.agent.kendra.index.LuceneIndex;
import dev.runtimeservice.agent.sdk.lifecycle.LoadedOnFirstUse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/** Runs keyword, semantic and hybrid searches and pages, highlights and loads their hits. */
@Service
public class SearchService {

    private final LuceneIndex index;
    private final TextEmbedder embedder;
    private final KendraProperties properties;
    private final KeywordQueries keywordQueries;
    private final QueryTranslator translator;

    /**
     * Creates the service.
     *
     * @param index the index
     * @param embedder the embedding model, for semantic and hybrid queries
     * @param properties the fusion settings
     */
    public SearchService(LuceneIndex index, TextEmbedder embedder, KendraProperties properties) {
        this.index = index;
        this.embedder = embedder;
        this.properties = properties;
        this.keywordQueries = new KeywordQueries(index.analyzer());
        BilingualLexicon.Stems stems = BilingualLexicon.Stems.of(index.analyzer());
        this.translator = new QueryTranslator(
                new LoadedOnFirstUse<>("the Spanish-English lexicon", () -> BilingualLexicon.shipped(stems)),
                stems,
                properties.translationsPerWord());
    }

    /**
     * Searches.
     *
     * @param request the search
     * @return a page of hits, best first, with the total
     * @throws InvalidSearchException when the request cannot run as given
     */
    public SearchResponse search(SearchRequest request) {
        long start = System.nanoTime();
        String text = request.checkedQuery();
        SearchMode mode = request.checkedMode();
        int topK = request.checkedTopK();
        int offset = request.checkedOffset();
        QueryTranslator.Translation translation = properties.translationWeight() > 0
                ? translator.translate(text, request.language())
                : QueryTranslator.Translation.NONE;
        Query keyword = keywordQueries.parse(text, request.language(), translation, properties.translationWeight());
        Query filter = Filters.of(request.language(), request.filters());
        List<float[]> vectors = mode == SearchMode.KEYWORD
                ? List.of()
                : embeddedQueries(text, translation).stream()
                        .map(embedder::embed)
                        .toList();
        try {
            return index.read(searcher -> {
                Ranked ranked = rank(searcher, mode, keyword, filter, vectors, offset + topK);
                List<ScoreDoc> page = ranked.hits()
                        .subList(
                                Math.min(offset, ranked.hits().size()),
                                Math.min(offset + topK, ranked.hits().size()));
                return new SearchResponse(
                        text,
                        mode.label(),
                        ranked.total(),
                        offset,
                        topK,
                        (System.nanoTime() - start) / 1_000_000,
                        load(searcher, keyword, page));
            });
        } catch (IOException e) {
            throw new IndexFailureException("search the index", e);
        }
    }

    /**
     * The embedding model is English: a Spanish query embeds better with its English words beside it, which
     * brings it nearer to English documents on the same subject without moving it away from Spanish ones. An
     * English query with Spanish words beside it comes nearer to Spanish documents but drifts from English
     * ones, so it is embedded twice, with and without them, and the two rankings are fused.
     */
    private static List<String> embeddedQueries(String text, QueryTranslator.Translation translation) {
        String first = translation.english().isEmpty() ? text : text + " (" + translation.english() + ")";
        if (translation.spanish().isEmpty()) {
            return List.of(first);
        }
        return List.of(first, text + " (" + translation.spanish() + ")");
    }

    private record Ranked(List<ScoreDoc> hits, long total) {}

    private Ranked rank(
            IndexSearcher searcher,
            SearchMode mode,
            Query keyword,
            @Nullable Query filter,
            List<float[]> vectors,
            int depth)
            throws IOException {
        Query filteredKeyword = Rankings.filtered(keyword, filter);
        if (mode == SearchMode.KEYWORD) {
            return new Ranked(Rankings.keyword(searcher, filteredKeyword, depth), searcher.count(filteredKeyword));
        }
        long total = Rankings.countFiltered(searcher, filter);
        if (mode == SearchMode.SEMANTIC) {
            return new Ranked(semantic(searcher, vectors, filter, depth), total);
        }
        int window = Math.max(depth, properties.rankWindow());
        List<List<ScoreDoc>> lists = List.of(
                Rankings.keyword(searcher, filteredKeyword, window), semantic(searcher, vectors, filter, window));
        List<ScoreDoc> fused = Rankings.fuse(properties.rrfK(), lists);
        return new Ranked(fused, total);
    }

    private List<ScoreDoc> semantic(IndexSearcher searcher, List<float[]> vectors, @Nullable Query filter, int depth)
            throws IOException {
        if (vectors.size() == 1) {
            return Rankings.semantic(searcher, vectors.get(0), filter, depth);
        }
        List<List<ScoreDoc>> rankings = new ArrayList<>();
        for (float[] vector : vectors) {
            rankings.add(Rankings.semantic(searcher, vector, filter, depth));
        }
        List<ScoreDoc> fused = Rankings.fuse(properties.rrfK(), rankings);
        return fused.subList(0, Math.min(depth, fused.size()));
    }

    private List<SearchHit> load(IndexSearcher searcher, Query keyword, List<ScoreDoc> page) throws IOException {
        int[] docIds = page.stream().mapToInt(hit -> hit.doc).toArray();
        String[] snippets = Snippets.of(searcher, index.analyzer(), keyword, docIds);
        List<SearchHit> hits = new ArrayList<>(page.size());
        for (int i = 0; i < page.size(); i++) {
            IndexedDocument document =
                    DocumentFields.fromLucene(searcher.storedFields().document(docIds[i]));
            hits.add(new SearchHit(
                    document.id(),
                    document.title(),
                    document.uri(),
                    document.language(),
                    document.metadata(),
                    page.get(i).score,
                    snippets[i]));
        }
        return hits;
    }
}
