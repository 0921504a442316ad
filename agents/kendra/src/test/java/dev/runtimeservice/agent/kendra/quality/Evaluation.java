package dev.runtimeservice.agent.kendra.quality;

import dev.runtimeservice.agent.kendra.search.SearchHit;
import dev.runtimeservice.agent.kendra.search.SearchMode;
import dev.runtimeservice.agent.kendra.search.SearchRequest;
import dev.runtimeservice.agent.kendra.search.SearchService;
import java.util.List;

/** Runs the collection's queries in one mode and averages nDCG@10 and recall@10. */
public final class Evaluation {

    /** The cut-off of both measures. */
    public static final int K = 10;

    /**
     * Mean scores over a set of queries.
     *
     * @param ndcg mean nDCG@10
     * @param recall mean recall@10
     * @param queries how many queries
     */
    public record Scores(double ndcg, double recall, int queries) {

        @Override
        public String toString() {
            return "nDCG@10 %.3f, recall@10 %.3f (%d queries)".formatted(ndcg, recall, queries);
        }
    }

    private Evaluation() {}

    /**
     * Scores one mode.
     *
     * @param search the search service over the indexed collection
     * @param mode the ranking
     * @param queries the judged queries
     * @return the means
     */
    public static Scores score(SearchService search, SearchMode mode, List<TestCollection.Query> queries) {
        double ndcg = 0;
        double recall = 0;
        for (TestCollection.Query query : queries) {
            List<String> ranking = search.search(SearchRequest.of(query.query(), mode, K)).hits().stream()
                    .map(SearchHit::id)
                    .toList();
            ndcg += RankingMetrics.ndcg(ranking, query.relevant(), K);
            recall += RankingMetrics.recall(ranking, query.relevant(), K);
        }
        return new Scores(ndcg / queries.size(), recall / queries.size(), queries.size());
    }

    /**
     * Keeps the queries in one language.
     *
     * @param queries all queries
     * @param language {@code es} or {@code en}
     * @return those in that language
     */
    public static List<TestCollection.Query> inLanguage(List<TestCollection.Query> queries, String language) {
        return queries.stream()
                .filter(query -> query.language().equals(language))
                .toList();
    }

    /**
     * Keeps the queries of one kind.
     *
     * @param queries all queries
     * @param kind {@code paraphrase}, {@code trap}, {@code cross} or {@code plain}
     * @return those of that kind
     */
    public static List<TestCollection.Query> ofKind(List<TestCollection.Query> queries, String kind) {
        return queries.stream().filter(query -> kind.equals(query.kind())).toList();
    }
}
