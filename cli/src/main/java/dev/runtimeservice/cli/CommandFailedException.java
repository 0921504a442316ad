package dev.runtimeservice.cli;

/** What a command was asked to do did not happen; its message is printed as the command's one-line error. */
public final class CommandFailedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** A failure with a sentence that says what went wrong and, where it can, what to do. */
    public CommandFailedException(String message) {
        super(message);
    }
}
