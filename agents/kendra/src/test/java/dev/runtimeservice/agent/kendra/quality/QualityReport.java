package dev.runtimeservice.agent.kendra.quality;

import dev.runtimeservice.agent.kendra.embedding.TextEmbedder;
import dev.runtimeservice.agent.kendra.search.SearchHit;
import dev.runtimeservice.agent.kendra.search.SearchMode;
import dev.runtimeservice.agent.kendra.search.SearchRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Report run by hand (not a test): nDCG@10 and recall@10 of every mode on both collections, overall, by
 * language and, on the hard collection, by kind of query; as Markdown rows for docs/benchmarks.md. With
 * {@code --queries} it also prints each query's hybrid nDCG@10 and top 3, to see what a change does.
 */
public final class QualityReport {

    private static final List<String> KINDS = List.of("paraphrase", "trap", "cross", "plain");

    private QualityReport() {}

    public static void main(String[] args) throws Exception {
        boolean perQuery = List.of(args).contains("--queries");
        TextEmbedder embedder = new TextEmbedder();
        for (String collection : List.of(TestCollection.CURRENT, TestCollection.HARD)) {
            Path dir = Files.createTempDirectory("kendra-quality");
            try (KendraFixture kendra = new KendraFixture(dir, embedder)) {
                kendra.ingest().ingest(TestCollection.documents(collection));
                List<TestCollection.Query> queries = TestCollection.queries(collection);
                System.out.printf("%n%s (%d queries)%n", collection, queries.size());
                System.out.println(header(collection));
                for (SearchMode mode : SearchMode.values()) {
                    System.out.println(row(kendra, mode, queries, collection));
                }
                if (perQuery) {
                    perQuery(kendra, queries);
                }
            }
        }
    }

    private static String header(String collection) {
        List<String> columns =
                new ArrayList<>(List.of("mode", "nDCG@10", "recall@10", "es nDCG / recall", "en nDCG / recall"));
        if (collection.equals(TestCollection.HARD)) {
            KINDS.forEach(kind -> columns.add(kind + " nDCG / recall"));
        }
        return "| " + String.join(" | ", columns) + " |";
    }

    private static String row(
            KendraFixture kendra, SearchMode mode, List<TestCollection.Query> queries, String collection) {
        Evaluation.Scores all = Evaluation.score(kendra.search(), mode, queries);
        List<String> cells = new ArrayList<>(List.of(
                mode.label(),
                "%.3f".formatted(all.ndcg()),
                "%.3f".formatted(all.recall()),
                pair(kendra, mode, Evaluation.inLanguage(queries, "es")),
                pair(kendra, mode, Evaluation.inLanguage(queries, "en"))));
        if (collection.equals(TestCollection.HARD)) {
            KINDS.forEach(kind -> cells.add(pair(kendra, mode, Evaluation.ofKind(queries, kind))));
        }
        return "| " + String.join(" | ", cells) + " |";
    }

    private static String pair(KendraFixture kendra, SearchMode mode, List<TestCollection.Query> queries) {
        Evaluation.Scores scores = Evaluation.score(kendra.search(), mode, queries);
        return "%.3f / %.3f".formatted(scores.ndcg(), scores.recall());
    }

    private static void perQuery(KendraFixture kendra, List<TestCollection.Query> queries) {
        for (TestCollection.Query query : queries) {
            List<String> ranking =
                    kendra
                            .search()
                            .search(SearchRequest.of(query.query(), SearchMode.HYBRID, Evaluation.K))
                            .hits()
                            .stream()
                            .map(SearchHit::id)
                            .toList();
            System.out.printf(
                    "%s %-10s %.3f %s  %s%n",
                    query.id(),
                    query.kind(),
                    RankingMetrics.ndcg(ranking, query.relevant(), Evaluation.K),
                    ranking.stream().limit(3).collect(Collectors.joining(",")),
                    query.query());
        }
    }
}
