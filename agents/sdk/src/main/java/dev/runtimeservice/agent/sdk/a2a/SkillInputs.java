package dev.runtimeservice.agent.sdk.a2a;

import dev.runtimeservice.agent.sdk.skill.Skill;
import dev.runtimeservice.agent.sdk.skill.SkillInputException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.Comparator;
import java.util.Set;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** Reads a skill's input from a message's data and checks it with Bean Validation, as the REST API does. */
final class SkillInputs {

    private final JsonMapper json;
    private final Validator validator;

    SkillInputs(JsonMapper json, Validator validator) {
        this.json = json;
        this.validator = validator;
    }

    Object read(Skill<?> skill, Object data) {
        Object input;
        try {
            input = json.convertValue(data, skill.inputType());
        } catch (JacksonException | IllegalArgumentException e) {
            throw new SkillInputException("The input does not fit skill " + skill.id() + ": "
                    + e.getMessage().lines().findFirst().orElse("") + ". Its input schema: "
                    + json.writeValueAsString(skill.inputSchema()));
        }
        if (input == null) {
            throw new SkillInputException("Skill " + skill.id() + " needs an input; its input schema: "
                    + json.writeValueAsString(skill.inputSchema()));
        }
        return check(skill, input);
    }

    Object check(Skill<?> skill, Object input) {
        Set<ConstraintViolation<Object>> violations = validator.validate(input);
        if (!violations.isEmpty()) {
            String problems = violations.stream()
                    .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
                    .map(v -> v.getPropertyPath() + " " + v.getMessage())
                    .collect(Collectors.joining("; "));
            throw new SkillInputException("The input of skill " + skill.id() + " is invalid: " + problems
                    + ". Fix it and send the message again.");
        }
        return input;
    }
}
