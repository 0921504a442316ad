package dev.runtimeservice.agent.orchestrator.routing;

import dev.runtimeservice.agent.orchestrator.discovery.SkillCard;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What routing knows of one skill: the weight of each feature in its texts, and the vectors of its texts.
 *
 * @param weights each feature's weight in (0, 1), growing with how many of the skill's texts have it
 * @param vectors the embedding of the skill's name and description, of each example and of each hint
 */
record SkillProfile(Map<String, Double> weights, List<float[]> vectors) {

    static SkillProfile of(String agent, SkillCard skill, List<String> hints, Lexicon lexicon, Embedder embedder) {
        List<String> texts = new ArrayList<>();
        texts.add(skill.name() + ": " + skill.description());
        texts.addAll(skill.examples());
        texts.addAll(hints);
        Map<String, Integer> counts = new HashMap<>();
        List<String> lexical = new ArrayList<>(texts.subList(1, texts.size()));
        lexical.add(skill.name());
        lexical.add(String.join(" ", skill.tags()));
        // "... in kendra" names the agent: its name is a word of each of its skills.
        lexical.add(agent);
        for (String text : lexical) {
            TextAnalysis.of(text, lexicon).features().forEach(f -> counts.merge(f, 1, Integer::sum));
        }
        // A description is long prose: only its concepts count, not every word it happens to use.
        TextAnalysis.of(skill.description(), lexicon).features().stream()
                .filter(f -> !f.startsWith("w:"))
                .forEach(f -> counts.merge(f, 1, Integer::sum));
        Map<String, Double> weights = new HashMap<>();
        counts.forEach((feature, count) -> weights.put(feature, count / (count + 1.0)));
        return new SkillProfile(weights, texts.stream().map(embedder::embed).toList());
    }

    double similarity(List<float[]> queries) {
        double best = 0;
        for (float[] vector : vectors) {
            for (float[] query : queries) {
                best = Math.max(best, Embedder.cosine(query, vector));
            }
        }
        return best;
    }
}
