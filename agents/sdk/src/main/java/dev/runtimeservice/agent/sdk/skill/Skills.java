package dev.runtimeservice.agent.sdk.skill;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The agent's skills by id, in declaration order; its REST controllers call a skill through {@link #call}, so the
 * REST API and A2A run the same handler.
 */
public final class Skills {

    private final Map<String, Skill<?>> byId = new LinkedHashMap<>();

    /**
     * Collects the skills.
     *
     * @param skills every skill bean, in order
     * @throws IllegalStateException when two skills share an id
     */
    public Skills(List<Skill<?>> skills) {
        for (Skill<?> skill : skills) {
            if (byId.putIfAbsent(skill.id(), skill) != null) {
                throw new IllegalStateException("Two skills have the id " + skill.id() + "; give each its own.");
            }
        }
    }

    /** @return every skill, in declaration order */
    public List<Skill<?>> all() {
        return List.copyOf(byId.values());
    }

    /**
     * Finds a skill.
     *
     * @param id the skill's id
     * @return the skill, or empty when the agent has none with that id
     */
    public Optional<Skill<?>> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /**
     * Runs a skill outside any task, for the agent's REST API. The handler's exceptions reach the caller as they
     * were thrown (checked ones too, unwrapped), so the REST API keeps its own error mapping.
     *
     * @param id the skill's id
     * @param input the input, already read and checked by the controller
     * @param <I> the input type
     * @return the answer
     */
    public <I> SkillResult call(String id, I input) {
        return call(id, input, SkillContext.NONE);
    }

    /**
     * Runs a skill outside any task with a context of the caller's, for a REST endpoint that streams the answer
     * ({@link SkillContext#partial}) or stops when its client goes away ({@link SkillContext#isCancelled}). The
     * handler's exceptions reach the caller as they were thrown.
     *
     * @param id the skill's id
     * @param input the input, already read and checked by the controller
     * @param context what the handler sees of its caller
     * @param <I> the input type
     * @return the answer
     */
    @SuppressWarnings("unchecked")
    public <I> SkillResult call(String id, I input, SkillContext context) {
        Skill<I> skill = (Skill<I>) find(id).orElseThrow(() -> new IllegalArgumentException("No skill " + id));
        try {
            return skill.run(input, context);
        } catch (Exception e) {
            throw Skills.<RuntimeException>rethrow(e);
        }
    }

    /**
     * Runs a skill and returns its structured answer, for a controller that returns the body as it is.
     *
     * @param id the skill's id
     * @param input the input, already read and checked by the controller
     * @param type the type of the answer's data
     * @param <I> the input type
     * @param <O> the answer's type
     * @return the answer's data
     */
    public <I, O> O data(String id, I input, Class<O> type) {
        return type.cast(call(id, input).data());
    }

    // Lets a checked exception through unwrapped: the REST controllers' exception handlers expect the handler's own.
    @SuppressWarnings("unchecked")
    private static <E extends Exception> E rethrow(Exception e) throws E {
        throw (E) e;
    }
}
