package dev.runtimeservice.agent.sdk.skill;

/** The input of a skill call cannot be served; the message says what to change. */
public class SkillInputException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what is wrong with the input and what to send instead
     */
    public SkillInputException(String message) {
        super(message);
    }
}
