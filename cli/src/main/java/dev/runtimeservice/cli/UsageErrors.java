package dev.runtimeservice.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * A command line that cannot be run: the reason on one line, picocli's suggestions for a mistyped name, then where to
 * read more. A command's whole usage under the reason buried it, so the command's {@code --help} is named instead;
 * a command line that names no command (or an unknown one) still gets the usage, whose list of commands is what it
 * needs.
 */
final class UsageErrors implements IParameterExceptionHandler {

    @Override
    public int handleParseException(ParameterException e, String[] args) {
        CommandLine line = e.getCommandLine();
        PrintWriter err = line.getErr();
        err.println("runtime: " + e.getMessage());
        UnmatchedArgumentException.printSuggestions(e, err);
        if (line.getParent() == null && !line.getParseResult().hasSubcommand()) {
            line.usage(err);
        } else {
            err.println("See: " + line.getCommandSpec().qualifiedName() + " --help");
        }
        err.flush();
        return line.getCommandSpec().exitCodeOnInvalidInput();
    }
}
