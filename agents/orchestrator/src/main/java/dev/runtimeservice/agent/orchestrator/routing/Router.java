package dev.runtimeservice.agent.orchestrator.routing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Picks the skill an instruction fits best: half a lexical score over bilingual concepts (weighted by how rare a
 * concept is among the candidate skills), half the best embedding similarity to the skill's texts; below the
 * minimum score no skill fits.
 */
public class Router {

    private final Lexicon lexicon;
    private final Embedder embedder;
    private final SkillHints hints;
    private final double minScore;
    private final Map<Candidate, SkillProfile> profiles = new ConcurrentHashMap<>();

    /** Creates a router; {@code minScore} is the lowest score that still counts as a fit. */
    public Router(Lexicon lexicon, Embedder embedder, SkillHints hints, double minScore) {
        this.lexicon = lexicon;
        this.embedder = embedder;
        this.hints = hints;
        this.minScore = minScore;
    }

    /** Ranks the candidates for an instruction. */
    public Route route(String instruction, List<Candidate> candidates) {
        TextAnalysis query = TextAnalysis.of(instruction, lexicon);
        List<float[]> vectors = List.of(embedder.embed(instruction), embedder.embed(query.gloss()));
        Map<Candidate, SkillProfile> byCandidate = new HashMap<>();
        candidates.forEach(c -> byCandidate.put(
                c,
                profiles.computeIfAbsent(
                        c, k -> SkillProfile.of(k.agent(), k.skill(), hints.of(k.key()), lexicon, embedder))));
        Map<String, Double> idf = idf(query.features(), byCandidate.values());
        List<Scored> ranked = new ArrayList<>();
        for (Candidate candidate : candidates) {
            SkillProfile profile = byCandidate.get(candidate);
            double lexical = lexical(idf, profile);
            double semantic = profile.similarity(vectors);
            ranked.add(new Scored(candidate, score(lexical, semantic), lexical, semantic));
        }
        ranked.sort(Comparator.comparingDouble(Scored::score).reversed());
        boolean fits = !ranked.isEmpty() && ranked.get(0).score() >= minScore;
        return new Route(query, ranked, fits);
    }

    static double score(double lexical, double semantic) {
        double scaled = Math.max(0, Math.min(1, (semantic - 0.2) / 0.5));
        return 0.5 * lexical + 0.5 * scaled;
    }

    private static Map<String, Double> idf(Set<String> features, java.util.Collection<SkillProfile> profiles) {
        Map<String, Double> idf = new HashMap<>();
        for (String feature : features) {
            long df = profiles.stream()
                    .filter(p -> p.weights().containsKey(feature))
                    .count();
            if (df > 0) {
                // Words outside the lexicon (names in examples, say) count less: concepts carry the intent.
                double weight = feature.startsWith("w:") ? 0.3 : 1;
                idf.put(feature, weight * Math.log(1 + (double) profiles.size() / df));
            }
        }
        return idf;
    }

    private static double lexical(Map<String, Double> idf, SkillProfile profile) {
        double total = idf.values().stream().mapToDouble(Double::doubleValue).sum();
        if (total == 0) {
            return 0;
        }
        double matched = 0;
        for (Map.Entry<String, Double> feature : idf.entrySet()) {
            matched += feature.getValue() * profile.weights().getOrDefault(feature.getKey(), 0.0);
        }
        return matched / total;
    }

    /**
     * A candidate with its scores.
     *
     * @param candidate the skill
     * @param score the combined score in [0, 1]
     * @param lexical the lexical score in [0, 1]
     * @param semantic the best cosine similarity to the skill's texts
     */
    public record Scored(Candidate candidate, double score, double lexical, double semantic) {}

    /**
     * The ranking of an instruction.
     *
     * @param query the instruction as routing saw it
     * @param ranked every candidate, best first
     * @param fits whether the best one scored at least the minimum
     */
    public record Route(TextAnalysis query, List<Scored> ranked, boolean fits) {}
}
