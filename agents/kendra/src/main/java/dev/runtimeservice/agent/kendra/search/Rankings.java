package dev.runtimeservice.agent.kendra.search;

import dev.runtimeservice.agent.kendra.index.DocumentFields;
import java.io.IOException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.jspecify.annotations.Nullable;

/** The three rankings: BM25, nearest vectors, and their reciprocal rank fusion. */
final class Rankings {

    private Rankings() {}

    /** Restricts a query to the filter, when there is one. */
    static Query filtered(Query query, @Nullable Query filter) {
        if (filter == null) {
            return query;
        }
        return new BooleanQuery.Builder()
                .add(query, BooleanClause.Occur.MUST)
                .add(filter, BooleanClause.Occur.FILTER)
                .build();
    }

    static List<ScoreDoc> keyword(IndexSearcher searcher, Query query, int depth) throws IOException {
        return Arrays.asList(searcher.search(query, depth).scoreDocs);
    }

    static List<ScoreDoc> semantic(IndexSearcher searcher, float[] vector, @Nullable Query filter, int depth)
            throws IOException {
        return Arrays.asList(
                searcher.search(new KnnFloatVectorQuery(DocumentFields.VECTOR, vector, depth, filter), depth)
                        .scoreDocs);
    }

    /** Counts what the filter lets through: every such document has a similarity to the query. */
    static long countFiltered(IndexSearcher searcher, @Nullable Query filter) throws IOException {
        return searcher.count(filter == null ? new MatchAllDocsQuery() : filter);
    }

    /**
     * Fuses rankings by reciprocal rank: each list adds {@code 1 / (k + rank)} to a document's score.
     *
     * @param k the damping constant
     * @param rankings the rankings, best first
     * @return the fused ranking, best first; ties keep the first ranking's order
     */
    static List<ScoreDoc> fuse(int k, List<List<ScoreDoc>> rankings) {
        Map<Integer, ScoreDoc> fused = new LinkedHashMap<>();
        for (List<ScoreDoc> ranking : rankings) {
            for (int rank = 0; rank < ranking.size(); rank++) {
                float contribution = 1f / (k + rank + 1);
                fused.computeIfAbsent(ranking.get(rank).doc, doc -> new ScoreDoc(doc, 0f)).score += contribution;
            }
        }
        return fused.values().stream()
                .sorted(Comparator.comparingDouble((ScoreDoc hit) -> hit.score).reversed())
                .toList();
    }
}
