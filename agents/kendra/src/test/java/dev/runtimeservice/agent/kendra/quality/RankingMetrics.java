package dev.runtimeservice.agent.kendra.quality;

import java.util.List;
import java.util.Map;

/** nDCG@k and recall@k of one ranking against graded judgements. */
public final class RankingMetrics {

    private RankingMetrics() {}

    /**
     * Computes nDCG@k with gains {@code 2^grade - 1} and a log2 discount.
     *
     * @param ranking document ids, best first
     * @param relevant grade by document id; absent means not relevant
     * @param k the cut-off
     * @return a value in [0, 1]; 1 when the ranking is ideal
     */
    public static double ndcg(List<String> ranking, Map<String, Integer> relevant, int k) {
        double dcg = 0;
        for (int i = 0; i < Math.min(k, ranking.size()); i++) {
            dcg += gain(relevant.getOrDefault(ranking.get(i), 0)) / log2(i + 2);
        }
        List<Integer> ideal = relevant.values().stream().sorted((a, b) -> b - a).toList();
        double idcg = 0;
        for (int i = 0; i < Math.min(k, ideal.size()); i++) {
            idcg += gain(ideal.get(i)) / log2(i + 2);
        }
        return idcg == 0 ? 0 : dcg / idcg;
    }

    /**
     * Computes recall@k: the share of relevant documents found in the first k.
     *
     * @param ranking document ids, best first
     * @param relevant grade by document id
     * @param k the cut-off
     * @return a value in [0, 1]
     */
    public static double recall(List<String> ranking, Map<String, Integer> relevant, int k) {
        long found = ranking.stream().limit(k).filter(relevant::containsKey).count();
        return relevant.isEmpty() ? 0 : (double) found / relevant.size();
    }

    private static double gain(int grade) {
        return Math.pow(2, grade) - 1;
    }

    private static double log2(double value) {
        return Math.log(value) / Math.log(2);
    }
}
