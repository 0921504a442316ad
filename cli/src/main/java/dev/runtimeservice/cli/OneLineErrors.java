package dev.runtimeservice.cli;

import dev.runtimeservice.cli.client.ManagerProblemException;
import dev.runtimeservice.cli.client.ManagerUnreachableException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns what a command threw into one line on standard error and an exit code, never a stack trace: the
 * manager's {@code detail} for an error it answered, the reason it could not be reached, or the failure.
 */
final class OneLineErrors implements IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception e, CommandLine line, ParseResult parsed) {
        line.getErr().println("runtime: " + message(e));
        line.getErr().flush();
        if (e instanceof ManagerUnreachableException) {
            return ExitCodes.UNREACHABLE;
        }
        return ExitCodes.FAILED;
    }

    private static String message(Exception e) {
        String message = e.getMessage();
        if (e instanceof ManagerProblemException
                || e instanceof ManagerUnreachableException
                || e instanceof CommandFailedException) {
            return message == null ? e.getClass().getSimpleName() : message;
        }
        // Anything else is a defect of the CLI: say what it was, still on one line.
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + message.replaceAll("\\s*\\R\\s*", " "));
    }
}
