package dev.runtimeservice.agent.sdk.skill;

import dev.runtimeservice.agent.sdk.identity.AgentSkill;
import java.lang.reflect.Type;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.util.Assert;

/**
 * One skill of an agent, declared once: its card entry, the type of its input (and the JSON schema derived from
 * it), the JSON schema of its output, how plain text becomes an input when the skill accepts text, and the handler.
 * An agent app provides one bean per skill; the SDK lists it in the card and serves it over A2A, and the agent's
 * REST controllers call it through {@link Skills}.
 *
 * @param <I> the input type
 */
public final class Skill<I> {

    private final AgentSkill card;
    private final Class<I> inputType;
    private final Map<String, Object> inputSchema;
    private final Map<String, Object> outputSchema;
    private final @Nullable Function<String, I> fromText;
    private final SkillHandler<I> handler;
    private final boolean textDefault;

    private Skill(
            AgentSkill card,
            Class<I> inputType,
            Map<String, Object> inputSchema,
            Map<String, Object> outputSchema,
            @Nullable Function<String, I> fromText,
            SkillHandler<I> handler,
            boolean textDefault) {
        this.card = card;
        this.inputType = inputType;
        this.inputSchema = inputSchema;
        this.outputSchema = outputSchema;
        this.fromText = fromText;
        this.handler = handler;
        this.textDefault = textDefault;
    }

    private Skill(
            AgentSkill card,
            Class<I> inputType,
            Type outputType,
            @Nullable Function<String, I> fromText,
            SkillHandler<I> handler) {
        this(card, inputType, JsonSchemas.of(inputType), JsonSchemas.of(outputType), fromText, handler, false);
    }

    /**
     * The same skill, chosen for a plain-text message that names no skill and matches none better.
     *
     * @return the skill marked as the agent's default for text
     */
    public Skill<I> preferredForText() {
        Assert.state(fromText != null, "Only a skill that takes text can be the default for text");
        return new Skill<>(card, inputType, inputSchema, outputSchema, fromText, handler, true);
    }

    /**
     * The same skill with the JSON schema of its input written out, for a skill whose input type is a bare JSON
     * tree the handler reads itself.
     *
     * @param schema the JSON schema of the input
     * @return the skill
     */
    public Skill<I> withInputSchema(Map<String, Object> schema) {
        return new Skill<>(card, inputType, Map.copyOf(schema), outputSchema, fromText, handler, textDefault);
    }

    /**
     * The same skill with its input schema derived from another type than the one the handler takes, for a
     * handler that reads a bare JSON tree the way that type describes.
     *
     * @param type the record that describes the input
     * @return the skill
     */
    public Skill<I> withInputSchemaOf(Type type) {
        return withInputSchema(JsonSchemas.of(type));
    }

    /** @return whether a plain-text message that matches no skill better goes to this one */
    public boolean isTextDefault() {
        return textDefault;
    }

    /**
     * Declares a skill that takes structured input only.
     *
     * @param card the skill's entry in the agent card
     * @param inputType the record the input is read into (and checked with Bean Validation)
     * @param outputType the type of {@link SkillResult#data()}, for the output schema
     * @param handler the work
     * @param <I> the input type
     * @return the skill
     */
    public static <I> Skill<I> of(AgentSkill card, Class<I> inputType, Type outputType, SkillHandler<I> handler) {
        return new Skill<>(card, inputType, outputType, null, handler);
    }

    /**
     * Declares a skill that also takes plain text, turned into its input by {@code fromText}.
     *
     * @param card the skill's entry in the agent card
     * @param inputType the record the input is read into (and checked with Bean Validation)
     * @param outputType the type of {@link SkillResult#data()}, for the output schema
     * @param fromText makes an input from a plain-text message
     * @param handler the work
     * @param <I> the input type
     * @return the skill
     */
    public static <I> Skill<I> withText(
            AgentSkill card,
            Class<I> inputType,
            Type outputType,
            Function<String, I> fromText,
            SkillHandler<I> handler) {
        Assert.notNull(fromText, "fromText must not be null");
        return new Skill<>(card, inputType, outputType, fromText, handler);
    }

    /** @return the skill's id, unique within the agent */
    public String id() {
        return card.id();
    }

    /** @return the skill's entry in the agent card */
    public AgentSkill card() {
        return card;
    }

    /** @return the type the input is read into */
    public Class<I> inputType() {
        return inputType;
    }

    /** @return the JSON schema of the input */
    public Map<String, Object> inputSchema() {
        return inputSchema;
    }

    /** @return the JSON schema of the structured output */
    public Map<String, Object> outputSchema() {
        return outputSchema;
    }

    /** @return whether a plain-text message can be served by this skill */
    public boolean acceptsText() {
        return fromText != null;
    }

    /**
     * Makes an input from plain text.
     *
     * @param text the message's text
     * @return the input, or empty when the skill takes structured input only
     */
    public Optional<I> inputFromText(String text) {
        return fromText == null ? Optional.empty() : Optional.of(fromText.apply(text));
    }

    /**
     * Runs the handler.
     *
     * @param input the checked input
     * @param context the task's context
     * @return the answer
     * @throws Exception what the handler throws
     */
    public SkillResult run(I input, SkillContext context) throws Exception {
        return handler.handle(input, context);
    }
}
