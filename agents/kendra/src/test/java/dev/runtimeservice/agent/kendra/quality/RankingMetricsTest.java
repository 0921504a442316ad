package dev.runtimeservice.agent.kendra.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RankingMetricsTest {

    @Test
    void anIdealRankingScoresOneAndMissingEverythingScoresZero() {
        Map<String, Integer> relevant = Map.of("a", 2, "b", 1);

        assertThat(RankingMetrics.ndcg(List.of("a", "b", "x"), relevant, 10)).isEqualTo(1.0);
        assertThat(RankingMetrics.recall(List.of("a", "b", "x"), relevant, 10)).isEqualTo(1.0);
        assertThat(RankingMetrics.ndcg(List.of("x", "y"), relevant, 10)).isZero();
        assertThat(RankingMetrics.recall(List.of("x", "y"), relevant, 10)).isZero();
    }

    @Test
    void aRelevantDocumentRankedLowerCountsLessAndOneBeyondTheCutOffNotAtAll() {
        Map<String, Integer> relevant = Map.of("a", 1);

        assertThat(RankingMetrics.ndcg(List.of("x", "a"), relevant, 10))
                .isCloseTo(1 / (Math.log(3) / Math.log(2)), within(1e-9));
        assertThat(RankingMetrics.recall(List.of("x", "a"), relevant, 1)).isZero();
    }
}
