package dev.runtimeservice.agent.orchestrator.routing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Picks the skill an instruction fits best: half a lexical score over bilingual concepts (weighted by how rare a
 * concept is among the candidate skills), half the best embedding similarity to the skill's texts; below the
 * minimum score no skill fits.
 */
public class Router {

    static final double ACTION_WEIGHT = 1.5;

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
        TextAnalysis query = TextAnalysis.ofInstruction(instruction, lexicon);
        List<float[]> vectors = List.of(embedder.embed(instruction), embedder.embed(query.gloss()));
        Map<Candidate, SkillProfile> byCandidate = new HashMap<>();
        candidates.forEach(c -> byCandidate.put(
                c,
                profiles.computeIfAbsent(
                        c, k -> SkillProfile.of(k.agent(), k.skill(), hints.of(k.key()), lexicon, embedder))));
        Map<String, Double> idf = idf(query.features(), byCandidate.values());
        List<Scored> ranked = new ArrayList<>();
        boolean asks = asksOnly(instruction, query);
        for (Candidate candidate : candidates) {
            SkillProfile profile = Objects.requireNonNull(byCandidate.get(candidate));
            double lexical = lexical(idf, profile);
            double semantic = profile.similarity(vectors);
            double score = score(lexical, semantic);
            if (asks && changes(candidate)) {
                // A question that names no action asks to be told something ("What files are in the projects
                // folder?"): a skill that changes data fits it less than one that reads.
                score *= QUESTION_PENALTY;
            }
            ranked.add(new Scored(candidate, score, lexical, semantic));
        }
        ranked.sort(Comparator.comparingDouble(Scored::score).reversed());
        boolean fits = !ranked.isEmpty() && ranked.get(0).score() >= minScore;
        return new Route(query, ranked, fits);
    }

    static final double QUESTION_PENALTY = 0.85;
    private static final Set<String> CHANGES = Set.of("c:create", "c:write", "c:move", "c:delete", "c:index");
    private static final java.util.regex.Pattern QUESTION = java.util.regex.Pattern.compile(
            "(?iu)^\\s*(?:¿|(?:what|which|who|where|when|how|is|are|do|does|que|qué|cuál|"
                    + "cual|cuáles|cuales|dónde|donde|cuándo|cuando|cuánto|cuanto|cuántos|cuantos)\\b).*|.*\\?\\s*$");

    private boolean asksOnly(String instruction, TextAnalysis query) {
        return QUESTION.matcher(instruction).matches()
                && query.features().stream()
                        .noneMatch(f -> f.startsWith("c:") && Lexicon.ACTIONS.contains(f.substring(2)));
    }

    private boolean changes(Candidate candidate) {
        return TextAnalysis.of(candidate.skill().id() + " " + candidate.skill().name(), lexicon).features().stream()
                .anyMatch(CHANGES::contains);
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
                // An action ("find", "resume") says what to do, more than the things named ("documents"): it weighs
                // more.
                double weight = feature.startsWith("w:")
                        ? 0.3
                        : Lexicon.ACTIONS.contains(feature.substring(2)) ? ACTION_WEIGHT : 1;
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
