package dev.runtimeservice.agent.sdk.a2a;

import dev.runtimeservice.agent.sdk.skill.Skill;
import dev.runtimeservice.agent.sdk.skill.SkillInputException;
import dev.runtimeservice.agent.sdk.skill.Skills;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Picks the skill for a message and reads its input. A message names its skill in its metadata ({@code skill}),
 * in a part's metadata, or in a data part {@code {"skill": id, "input": {...}}}; the input is that data part, or the
 * text for a skill that takes text. Plain text that names no skill goes to the text skill whose id, name and tags
 * share the most words with it, then to the agent's default for text; when none fits the client is asked which.
 */
final class SkillRouter {

    private final Skills skills;
    private final SkillInputs inputs;

    SkillRouter(Skills skills, SkillInputs inputs) {
        this.skills = skills;
        this.inputs = inputs;
    }

    /**
     * @param message the client's message
     * @param pendingText the text of the task waiting for the client's choice, or null
     * @throws SkillInputException when the named skill does not exist or the input does not fit it
     */
    Route route(Message message, @Nullable String pendingText) {
        Optional<Object> data = MessageParts.data(message);
        Optional<String> named = MessageParts.skillName(message);
        String text = message.text();
        if (named.isEmpty() && pendingText != null && skills.find(text.trim()).isPresent()) {
            // The answer to "which skill?": run the chosen skill on the text of the first message.
            named = Optional.of(text.trim());
            text = pendingText;
        }
        if (named.isPresent()) {
            String id = named.get();
            Skill<?> skill = skills.find(id)
                    .orElseThrow(() ->
                            new SkillInputException("This agent has no skill " + id + "; name one of: " + ids() + "."));
            return run(skill, data, text);
        }
        if (data.isPresent()) {
            return skills.all().size() == 1 ? run(skills.all().get(0), data, text) : ask(text);
        }
        if (text.isBlank()) {
            throw new SkillInputException("The message has neither text nor a data part; send one of them.");
        }
        String plain = text;
        return bestForText(plain)
                .<Route>map(skill -> run(skill, Optional.empty(), plain))
                .orElseGet(() -> ask(plain));
    }

    private Route run(Skill<?> skill, Optional<Object> data, String text) {
        if (data.isPresent()) {
            return new Route.Run(skill, inputs.read(skill, data.get()));
        }
        if (!skill.acceptsText()) {
            throw new SkillInputException("Skill " + skill.id() + " takes JSON input, not text: send a data part "
                    + "that follows its input schema (GET /skills lists it).");
        }
        if (text.isBlank()) {
            throw new SkillInputException("Skill " + skill.id() + " needs a text part or a data part with its input.");
        }
        return new Route.Run(
                skill, inputs.check(skill, skill.inputFromText(text).orElseThrow()));
    }

    private Optional<Skill<?>> bestForText(String text) {
        List<Skill<?>> textSkills =
                skills.all().stream().filter(Skill::acceptsText).toList();
        if (textSkills.size() == 1) {
            return Optional.of(textSkills.get(0));
        }
        Set<String> words = words(text);
        Map<Skill<?>, Long> scores = textSkills.stream().collect(Collectors.toMap(s -> s, s -> score(s, words)));
        long best = scores.values().stream().max(Comparator.naturalOrder()).orElse(0L);
        List<Skill<?>> winners =
                textSkills.stream().filter(s -> scores.get(s) == best).toList();
        if (best > 0 && winners.size() == 1) {
            return Optional.of(winners.get(0));
        }
        return textSkills.stream().filter(Skill::isTextDefault).findFirst();
    }

    private static long score(Skill<?> skill, Set<String> words) {
        String described = skill.id() + " " + skill.card().name() + " "
                + String.join(" ", skill.card().tags());
        return words(described).stream().filter(words::contains).count();
    }

    private static Set<String> words(String text) {
        return Arrays.stream(text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+"))
                .filter(w -> w.length() > 2)
                .collect(Collectors.toSet());
    }

    private Route ask(String text) {
        String choices = skills.all().stream()
                .map(s -> s.id() + " (" + s.card().name() + ")")
                .collect(Collectors.joining(", "));
        return new Route.Ask("Which skill should handle this? Answer with its id, one of: " + choices
                + "; or send the message again with metadata {\"skill\": \"<id>\"}."
                + (text.isBlank() ? "" : " Your text is kept for the skill you choose."));
    }

    private String ids() {
        return skills.all().stream().map(Skill::id).collect(Collectors.joining(", "));
    }
}
