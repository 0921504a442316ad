package dev.runtimeservice.agent.sdk.lifecycle;

/**
 * Ends the process once the application is closed after {@code GET /shutdown}; the SDK's default
 * calls {@link System#exit(int)}. Tests provide their own bean so that the test JVM survives.
 */
@FunctionalInterface
public interface ExitAction {

    /**
     * Ends the process.
     *
     * @param status the exit code; 0 after a controlled shutdown
     */
    void exit(int status);
}
