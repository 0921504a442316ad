package dev.runtimeservice.agent.orchestrator.routing;

import dev.runtimeservice.agent.orchestrator.planning.Plan;
import dev.runtimeservice.agent.orchestrator.planning.Planner;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The labelled instructions and how the planner (the router, per step of a compound instruction) scores on them: the
 * team's first set ({@code routing/labelled-instructions.tsv}: language, accepted, text) and the second, written
 * before looking at any failure on it ({@code routing/unseen-instructions.tsv}: language, accepted, style, text). An
 * accepted answer {@code a>b} is a plan of step a, then step b.
 */
final class LabelledInstructions {

    static final String NONE = "none";
    static final String FIRST = "routing/labelled-instructions.tsv";
    static final String UNSEEN = "routing/unseen-instructions.tsv";

    private LabelledInstructions() {}

    record Labelled(String language, Set<String> accepted, String style, String text) {}

    record Outcome(Labelled labelled, String chosen, String detectedLanguage, double score, String top) {

        boolean right() {
            return labelled.accepted().contains(chosen);
        }
    }

    static List<Labelled> load() {
        return load(FIRST);
    }

    static List<Labelled> load(String resource) {
        try (InputStream in = LabelledInstructions.class.getClassLoader().getResourceAsStream(resource)) {
            List<Labelled> all = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    String[] cells = line.split("\t");
                    all.add(
                            cells.length == 3
                                    ? new Labelled(cells[0], Set.of(cells[1].split("\\|")), "", cells[2])
                                    : new Labelled(cells[0], Set.of(cells[1].split("\\|")), cells[2], cells[3]));
                }
            }
            return all;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Outcome run(Planner planner, List<Candidate> candidates, Labelled labelled) {
        Plan plan = planner.plan(labelled.text(), candidates);
        Router.Route route = plan.whole();
        Router.Scored best = route.ranked().get(0);
        String top = route.ranked().stream()
                .limit(3)
                .map(s -> "%s(%.2f/%.2f)".formatted(s.candidate().key(), s.lexical(), s.semantic()))
                .reduce((a, b) -> a + " " + b)
                .orElse("");
        return new Outcome(
                labelled,
                plan.keys(),
                route.query().language(),
                best.score(),
                top + " " + route.query().features());
    }

    static double accuracy(List<Outcome> outcomes) {
        return (double) outcomes.stream().filter(Outcome::right).count() / outcomes.size();
    }

    static String report(List<Outcome> outcomes) {
        StringBuilder report = new StringBuilder();
        for (Outcome o : outcomes) {
            report.append("%s %-5s %.3f %-18s want %-35s %s%n"
                    .formatted(
                            o.right() ? "ok  " : "MISS",
                            o.detectedLanguage(),
                            o.score(),
                            o.chosen(),
                            o.labelled().accepted(),
                            o.labelled().text()));
            if (!o.right()) {
                report.append("       ").append(o.top()).append(System.lineSeparator());
            }
        }
        return report.toString();
    }
}
