package dev.runtimeservice.manager.config;

/**
 * A setting whose value binds but cannot be used, found while the manager starts (an {@code AGENTS_DIR} that is
 * not a folder, an agent in {@code AGENT_STANDBY} that cannot have a standby): the manager stops at boot with its
 * message, which names the variable and says what to do.
 */
public class InvalidSettingException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    public InvalidSettingException(String message) {
        super(message);
    }
}
