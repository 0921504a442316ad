package dev.runtimeservice.agent.orchestrator.delegation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.JsonNode;

/**
 * Builds a skill's input from an instruction with no table per skill. When the agent publishes the skill's input
 * schema, each property is filled by what its name asks for, in words any agent may use (a {@code path}, the
 * {@code text} to work on, a {@code query}, a {@code target_language}, …); the output of the plan's previous step is
 * the text to work on. Without a schema the skill gets text: the step's instruction, followed by the previous
 * step's output.
 */
public final class InputBuilder {

    private static final Set<String> TEXT = Set.of("text", "content", "body", "document", "input", "data", "passage");
    private static final Set<String> PROMPT = Set.of("prompt", "question", "message");
    private static final Set<String> QUERY = Set.of("query", "q", "topic", "search", "keywords", "terms");
    private static final Set<String> PATH = Set.of("path", "file", "filepath", "folder", "directory", "dir");
    private static final Set<String> PATHS = Set.of("paths", "files");
    private static final Set<String> FROM = Set.of("from", "source", "src");
    private static final Set<String> TO = Set.of("to", "destination", "dest", "target");
    private static final Set<String> GLOB = Set.of("glob", "pattern");
    private static final Set<String> LANGUAGE = Set.of("targetlanguage", "tolanguage", "language", "lang");
    private static final Set<String> INSTRUCTION = Set.of("instruction", "instructions", "style", "how");
    private static final Set<String> ID = Set.of("id", "documentid", "docid");

    private InputBuilder() {}

    /**
     * What one step sends.
     *
     * @param instruction the step's own instruction
     * @param prompt the instruction as an LLM prompt, for a skill that takes one
     * @param previous the previous step's output, or {@code null} for the first step
     */
    public record StepText(
            String instruction, String prompt, @Nullable String previous) {}

    /**
     * The input for a skill.
     *
     * @param skill the skill as its agent lists it at {@code GET /skills}, or {@code null} when it publishes nothing
     * @param step the step's texts
     * @return a data part that follows the schema, or text
     * @throws DelegationException (422) when the schema requires something the instruction does not say
     */
    public static SkillInput build(@Nullable JsonNode skill, StepText step) {
        if (skill == null || !skill.path("input_schema").path("properties").isObject()) {
            String text = step.previous() == null ? step.instruction() : step.instruction() + "\n\n" + step.previous();
            return new SkillInput(null, text);
        }
        List<String> missing = new ArrayList<>();
        Map<String, Object> data = object(skill.path("input_schema"), step, new Arguments(step.instruction()), missing);
        if (!missing.isEmpty()) {
            throw new DelegationException(
                    HttpStatus.UNPROCESSABLE_CONTENT,
                    ("The instruction does not say %s, which skill %s needs; add it to the instruction and send it "
                                    + "again.")
                            .formatted(
                                    String.join(", ", missing), skill.path("id").asString("")));
        }
        return new SkillInput(data, step.instruction());
    }

    private static Map<String, Object> object(JsonNode schema, StepText step, Arguments args, List<String> missing) {
        Set<String> required = new java.util.HashSet<>();
        schema.path("required").values().forEach(r -> required.add(r.asString("")));
        Map<String, Object> data = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
            String name = property.getKey();
            boolean needed = required.contains(name);
            Optional<Object> value = value(name, property.getValue(), needed, step, args, missing);
            if (value.isPresent()) {
                data.put(name, value.get());
            } else if (needed) {
                String description = property.getValue().path("description").asString("");
                missing.add(description.isBlank() ? "'" + name + "'" : "'" + name + "' (" + description + ")");
            }
        }
        return data;
    }

    private static Optional<Object> value(
            String name, JsonNode schema, boolean required, StepText step, Arguments args, List<String> missing) {
        String key = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
        String type = schema.path("type").asString("");
        if (type.equals("array")
                && schema.path("items").path("type").asString("").equals("object")) {
            // A list of records to create (documents to index, say): one, made from the instruction.
            List<String> before = new ArrayList<>(missing);
            Map<String, Object> item = object(schema.path("items"), step, args, missing);
            return missing.size() == before.size() ? Optional.of(List.of(item)) : Optional.empty();
        }
        if (type.equals("boolean")) {
            // "parents": create the missing folders on the way, as a user who names a new path expects.
            return key.equals("parents") ? Optional.of(true) : Optional.empty();
        }
        if (type.equals("array")) {
            List<String> paths = args.paths();
            if (PATHS.contains(key) && !paths.isEmpty()) {
                return Optional.of(paths);
            }
            return Optional.empty();
        }
        if (!type.isEmpty() && !type.equals("string")) {
            return Optional.empty(); // numbers (limits, sizes, temperatures): the agent's defaults apply
        }
        return Optional.ofNullable(text(key, required, step, args));
    }

    private static @Nullable String text(String key, boolean required, StepText step, Arguments args) {
        List<String> paths = args.paths();
        if (TEXT.contains(key)) {
            return step.previous() != null ? step.previous() : args.payload().orElse(null);
        }
        if (PROMPT.contains(key)) {
            return step.previous() != null ? step.instruction() + "\n\n" + step.previous() : step.prompt();
        }
        if (QUERY.contains(key)) {
            return args.topic();
        }
        if (LANGUAGE.contains(key)) {
            return args.targetLanguage().orElse(null);
        }
        if (PATH.contains(key) || FROM.contains(key)) {
            return paths.isEmpty() ? null : paths.get(0);
        }
        if (TO.contains(key)) {
            return paths.size() < 2 ? null : paths.get(1);
        }
        if (GLOB.contains(key)) {
            return args.glob().orElse(null);
        }
        if (INSTRUCTION.contains(key)) {
            return args.head();
        }
        if (ID.contains(key)) {
            Optional<String> id = args.documentId();
            if (id.isEmpty() && required) {
                // A record to create needs an id: one derived from its text, so sending it twice replaces it.
                String text = step.previous() != null
                        ? step.previous()
                        : args.payload().orElse(step.instruction());
                return "orchestrator-" + Integer.toHexString(text.hashCode());
            }
            return id.orElse(null);
        }
        return null;
    }
}
