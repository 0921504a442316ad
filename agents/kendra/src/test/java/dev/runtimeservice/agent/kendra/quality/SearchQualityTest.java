package dev.runtimeservice.agent.kendra.quality;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtimeservice.agent.kendra.embedding.TextEmbedder;
import dev.runtimeservice.agent.kendra.search.SearchMode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Measures ranking quality on the team's collection (66 documents, 44 queries, Spanish and
 * English) with the real index and model; thresholds sit a little below the measured values in
 * docs/benchmarks.md, so a change that makes ranking worse fails here.
 */
class SearchQualityTest {

    @TempDir
    static Path indexDir;

    static KendraFixture kendra;
    static List<TestCollection.Query> queries;

    @BeforeAll
    static void indexTheCollection() {
        kendra = new KendraFixture(indexDir, new TextEmbedder());
        assertThat(kendra.ingest().ingest(TestCollection.documents()).indexed()).isEqualTo(66);
        queries = TestCollection.queries();
    }

    @AfterAll
    static void closeTheIndex() throws Exception {
        kendra.close();
    }

    @Test
    void theCollectionIsBigEnoughAndBilingual() {
        assertThat(TestCollection.documents())
                .hasSizeGreaterThanOrEqualTo(60)
                .anyMatch(document -> document.language().equals("es"))
                .anyMatch(document -> document.language().equals("en"));
        assertThat(queries)
                .hasSizeGreaterThanOrEqualTo(40)
                .allMatch(query -> !query.relevant().isEmpty());
    }

    @Test
    void keywordRankingStaysAtItsMeasuredQuality() {
        Evaluation.Scores scores = report(SearchMode.KEYWORD);

        assertThat(scores.ndcg()).isGreaterThanOrEqualTo(KEYWORD_NDCG);
        assertThat(scores.recall()).isGreaterThanOrEqualTo(KEYWORD_RECALL);
    }

    @Test
    void semanticRankingStaysAtItsMeasuredQuality() {
        Evaluation.Scores scores = report(SearchMode.SEMANTIC);

        assertThat(scores.ndcg()).isGreaterThanOrEqualTo(SEMANTIC_NDCG);
        assertThat(scores.recall()).isGreaterThanOrEqualTo(SEMANTIC_RECALL);
    }

    @Test
    void hybridRankingStaysAtItsMeasuredQualityAndFindsMoreThanKeywordAlone() {
        Evaluation.Scores hybrid = report(SearchMode.HYBRID);

        assertThat(hybrid.ndcg()).isGreaterThanOrEqualTo(HYBRID_NDCG);
        assertThat(hybrid.recall()).isGreaterThanOrEqualTo(HYBRID_RECALL);
        assertThat(hybrid.recall())
                .isGreaterThan(Evaluation.score(kendra.search(), SearchMode.KEYWORD, queries)
                        .recall());
    }

    private static Evaluation.Scores report(SearchMode mode) {
        Evaluation.Scores all = Evaluation.score(kendra.search(), mode, queries);
        System.out.printf(
                "%-8s all %s | es %s | en %s%n",
                mode.label(),
                all,
                Evaluation.score(kendra.search(), mode, Evaluation.inLanguage(queries, "es")),
                Evaluation.score(kendra.search(), mode, Evaluation.inLanguage(queries, "en")));
        return all;
    }

    // Measured values (docs/benchmarks.md, with the query translation of issue 25) minus about 0.03.
    static final double KEYWORD_NDCG = 0.86;
    static final double KEYWORD_RECALL = 0.85;
    static final double SEMANTIC_NDCG = 0.84;
    static final double SEMANTIC_RECALL = 0.81;
    static final double HYBRID_NDCG = 0.88;
    static final double HYBRID_RECALL = 0.85;
}
