package dev.runtimeservice.agent.orchestrator.instructions;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.runtimeservice.agent.orchestrator.delegation.Arguments;
import dev.runtimeservice.agent.orchestrator.routing.Candidate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Rewrites an instruction as a clean, structured LLM prompt: task, context, constraints, expected output. */
final class PromptOptimizer {

    // Courtesy and filler carry no meaning for a model; they are cut from the task.
    private static final Pattern FILLER =
            Pattern.compile("(?i)^(?:hey|hi|hola|oye)[,!]?\\s+|\\b(?:please|por favor)\\b[,]?"
                    + "|^(?:could|can|would) you\\s+|^(?:¿)?(?:me )?(?:puedes|podrías|podrias)\\s+|^i (?:want|need) "
                    + "you to\\s+"
                    + "|^(?:quiero|necesito) que\\s+");

    private PromptOptimizer() {}

    static Prompt optimise(String instruction, String language, @Nullable Candidate target) {
        String task = task(instruction);
        String context = target == null
                ? "No agent skill fits this instruction; it is answered by the model alone, if at all."
                : "It is handled by the %s agent's skill '%s' (%s): %s"
                        .formatted(
                                target.agent(),
                                target.skill().name(),
                                target.skill().id(),
                                firstSentence(target.skill().description()));
        List<String> constraints = new ArrayList<>();
        constraints.add(
                "es".equals(language)
                        ? "Answer in Spanish, the language of the request."
                        : "Answer in English, the language of the request.");
        if (target != null) {
            constraints.add("Use only what the " + target.agent() + " agent returns; do not invent files, documents "
                    + "or facts.");
        }
        Arguments arguments = new Arguments(instruction);
        arguments.quoted().ifPresent(q -> constraints.add("Keep the quoted text exactly as written: \"" + q + "\"."));
        if (!arguments.paths().isEmpty()) {
            constraints.add("Keep these paths exactly as written: " + String.join(", ", arguments.paths()) + ".");
        }
        String expected = target == null
                ? "A short answer, or a statement that the request cannot be carried out."
                : "The result of '" + target.skill().name() + "' as " + target.agent()
                        + " returns it, then a one-paragraph summary of it for the user.";
        return new Prompt(task, context, constraints, expected);
    }

    static String task(String instruction) {
        String task = instruction.strip().replaceAll("\\s+", " ");
        String before;
        do {
            before = task;
            task = FILLER.matcher(task).replaceAll("").strip().replaceAll("^[,;]\\s*", "");
        } while (!task.equals(before));
        task = task.replaceAll("\\s*,?\\s*([?!.])$", "$1").replaceAll("\\s+([,;?!.])", "$1");
        if (!task.equals(instruction.strip().replaceAll("\\s+", " "))) {
            // A courtesy question ("could you ...?") is a request: the task is said as one.
            task = task.replaceAll("^¿", "").replaceAll("\\?$", "");
        }
        if (task.isEmpty()) {
            return instruction.strip();
        }
        task = Character.toUpperCase(task.charAt(0)) + task.substring(1);
        return task.matches(".*[.!?]$") ? task : task + ".";
    }

    // Cards often start a description with the HTTP call ("POST /search {...} ranks ..."): a model needs the words.
    private static final Pattern CALL = Pattern.compile("^(?:GET|POST|PUT|DELETE|PATCH) \\S+(?: \\{[^}]*\\})?\\s*");
    private static final int MAX_CONTEXT = 200;

    static String firstSentence(String description) {
        String text = CALL.matcher(description.strip()).replaceFirst("");
        int end = text.indexOf(". ");
        text = end < 0 ? text : text.substring(0, end + 1);
        if (text.length() > MAX_CONTEXT) {
            int cut = text.lastIndexOf(' ', MAX_CONTEXT);
            text = text.substring(0, cut < 0 ? MAX_CONTEXT : cut) + " …";
        }
        return text.isEmpty() ? description : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /**
     * A structured prompt.
     *
     * @param task what to do, cleaned of filler
     * @param context which agent and skill handle it
     * @param constraints rules the answer must keep
     * @param expectedOutput what the answer should be
     */
    record Prompt(
            String task,
            String context,
            List<String> constraints,
            @JsonProperty("expected_output") String expectedOutput) {

        /** The prompt as one text, in sections. */
        @JsonProperty("text")
        String text() {
            return "### Task\n" + task + "\n\n### Context\n" + context + "\n\n### Constraints\n- "
                    + String.join("\n- ", constraints) + "\n\n### Expected output\n" + expectedOutput;
        }
    }
}
