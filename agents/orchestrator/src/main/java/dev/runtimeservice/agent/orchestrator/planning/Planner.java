package dev.runtimeservice.agent.orchestrator.planning;

import dev.runtimeservice.agent.orchestrator.routing.Candidate;
import dev.runtimeservice.agent.orchestrator.routing.Lexicon;
import dev.runtimeservice.agent.orchestrator.routing.Router;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns an instruction into a plan. A compound instruction ("busca información sobre energía solar y resúmela",
 * "read notes/plan.md and translate it into Spanish") is cut where a connector ("and", "then", "y luego", a comma,
 * …) is followed by a new action, each part is routed on its own, and each step after the first works on the
 * output of the one before. Anything else is one step, routed as a whole.
 */
public final class Planner {

    /** The most steps one instruction may become. */
    static final int MAX_STEPS = 4;

    // Longest alternatives first, so "and then" is one connector, not "and" followed by a step "then ...".
    private static final Pattern CONNECTOR = Pattern.compile(
            "(?iu)\\s*(?:,|;)?\\s+(?:and\\s+then|and\\s+afterwards|and\\s+after\\s+that|after\\s+that|then|"
                    + "y\\s+luego|y\\s+despu[eé]s|y\\s+a\\s+continuaci[oó]n|y\\s+entonces|luego|despu[eé]s|and|y)\\s+"
                    + "|\\s*;\\s+");
    private static final Pattern QUOTED = Pattern.compile("\"[^\"]*\"|“[^”]*”|«[^»]*»");
    // Words that may come before a new step's action ("then give me a short summary", "y hazme un resumen").
    private static final Set<String> LIGHT = Set.of(
            "give", "make", "do", "get", "let", "please", "short", "quick", "brief", "small", "final", "haz", "hazme",
            "dame", "hacer", "favor", "corto", "breve", "rapido", "pequeno");

    private final Router router;
    private final Lexicon lexicon;

    /** Creates a planner over the router. */
    public Planner(Router router, Lexicon lexicon) {
        this.router = router;
        this.lexicon = lexicon;
    }

    /** Plans an instruction against the candidate skills. */
    public Plan plan(String instruction, List<Candidate> candidates) {
        Router.Route whole = router.route(intent(instruction), candidates);
        List<String> clauses = clauses(instruction);
        if (clauses.size() > 1) {
            List<Plan.Step> steps = new ArrayList<>();
            for (String clause : clauses) {
                Router.Route route = router.route(intent(clause), candidates);
                if (!route.fits()) {
                    steps = List.of(); // a part no agent can do: the instruction is routed as a whole
                    break;
                }
                String key = route.ranked().get(0).candidate().key();
                if (!steps.isEmpty() && steps.get(steps.size() - 1).key().equals(key)) {
                    // "open x and show me its content": two parts, one action.
                    Plan.Step last = steps.remove(steps.size() - 1);
                    steps.add(new Plan.Step(last.text() + " " + clause, last.route()));
                } else {
                    steps.add(new Plan.Step(clause, route));
                }
            }
            if (steps.size() > 1) {
                return new Plan(whole, steps);
            }
        }
        return new Plan(whole, whole.fits() ? List.of(new Plan.Step(instruction.strip(), whole)) : List.of());
    }

    /** The instruction's parts, each starting with its own action; the instruction itself when it has one. */
    List<String> clauses(String instruction) {
        String text = instruction.strip();
        int colon = text.indexOf(':');
        // What follows a colon is material (the text to work on), never cut into steps; nor is quoted text.
        String head = colon < 0 ? text : text.substring(0, colon);
        String masked = mask(head);
        List<String> clauses = new ArrayList<>();
        int start = 0;
        Matcher m = CONNECTOR.matcher(masked);
        while (m.find() && clauses.size() < MAX_STEPS - 1) {
            String left = text.substring(start, m.start());
            String right = masked.substring(m.end());
            String action = firstAction(left, false);
            String next = firstAction(right, true);
            // A new step asks for another action: "look through X and find Y" is one search, said twice.
            if (!action.isEmpty() && !next.isEmpty() && !next.equals(action)) {
                clauses.add(left.strip());
                start = m.end();
            }
        }
        clauses.add(text.substring(start).strip());
        return clauses;
    }

    /**
     * What an instruction asks for, for routing: the part before a colon when it names an action or a thing ("Give
     * me the gist: <text>", "Translate into French: <text>"), since what follows is material, whose words say
     * nothing about which skill should handle it. Else the whole instruction.
     */
    String intent(String instruction) {
        String masked = mask(instruction);
        int colon = masked.indexOf(':');
        if (colon <= 0 || instruction.substring(colon + 1).isBlank()) {
            return instruction;
        }
        String head = instruction.substring(0, colon);
        boolean meaningful =
                Lexicon.words(head).stream().anyMatch(w -> !lexicon.concepts(w).isEmpty());
        return meaningful ? head : instruction;
    }

    /**
     * The first action the text names ({@code search}, {@code summarize}, …), anywhere or ({@code first}) as its
     * first word that carries meaning; empty when it names none.
     */
    private String firstAction(String text, boolean first) {
        for (String word : Lexicon.words(text)) {
            if (lexicon.isStopword(word) || LIGHT.contains(word)) {
                continue;
            }
            var action = lexicon.conceptsAllowingTypo(word).keySet().stream()
                    .filter(Lexicon.ACTIONS::contains)
                    .sorted()
                    .findFirst();
            if (action.isPresent()) {
                return action.get();
            }
            if (first) {
                return "";
            }
        }
        return "";
    }

    private static String mask(String text) {
        Matcher m = QUOTED.matcher(text);
        StringBuilder masked = new StringBuilder(text);
        while (m.find()) {
            for (int i = m.start(); i < m.end(); i++) {
                masked.setCharAt(i, '_');
            }
        }
        return masked.toString();
    }
}
