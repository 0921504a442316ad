package dev.runtimeservice.cli;

/** The exit codes of {@code runtime}, the same for every command. */
public final class ExitCodes {

    /** The command did what it was asked. */
    public static final int OK = 0;
    /** The manager refused, or what was asked failed (an agent that did not start, an unknown agent). */
    public static final int FAILED = 1;
    /** The command line was wrong: an unknown command or option, a missing argument. */
    public static final int USAGE = 2;
    /** Nothing answered at the manager's URL. */
    public static final int UNREACHABLE = 3;

    private ExitCodes() {}
}
