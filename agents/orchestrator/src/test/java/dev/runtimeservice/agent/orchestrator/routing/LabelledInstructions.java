package dev.runtimeservice.agent.orchestrator.routing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The team's labelled instructions ({@code routing/labelled-instructions.tsv}) and how a router scores on them. */
final class LabelledInstructions {

    static final String NONE = "none";

    private LabelledInstructions() {}

    record Labelled(String language, Set<String> accepted, String text) {}

    record Outcome(Labelled labelled, String chosen, String detectedLanguage, double score, String top) {

        boolean right() {
            return labelled.accepted().contains(chosen);
        }
    }

    static List<Labelled> load() {
        try (InputStream in =
                LabelledInstructions.class.getClassLoader().getResourceAsStream("routing/labelled-instructions.tsv")) {
            List<Labelled> all = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    String[] cells = line.split("\t");
                    all.add(new Labelled(cells[0], Set.of(cells[1].split("\\|")), cells[2]));
                }
            }
            return all;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Outcome run(Router router, List<Candidate> candidates, Labelled labelled) {
        Router.Route route = router.route(labelled.text(), candidates);
        Router.Scored best = route.ranked().get(0);
        String top = route.ranked().stream()
                .limit(3)
                .map(s -> "%s(%.2f/%.2f)".formatted(s.candidate().key(), s.lexical(), s.semantic()))
                .reduce((a, b) -> a + " " + b)
                .orElse("");
        return new Outcome(
                labelled,
                route.fits() ? best.candidate().key() : NONE,
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
