package dev.runtimeservice.agent.sdk.skill;

/**
 * Thrown by a skill handler that stopped at a safe point because its task was cancelled; the message says what the
 * work left behind (what was done before the stop), and the task ends as canceled with it.
 */
public class SkillCancelledException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what was done before the stop, for the canceled task's status message
     */
    public SkillCancelledException(String message) {
        super(message);
    }
}
