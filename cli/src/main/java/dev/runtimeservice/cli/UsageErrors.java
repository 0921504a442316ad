package dev.runtimeservice.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * A command line that cannot be run: the reason on one line, picocli's suggestions for a mistyped name, then where to
 * read more. A subcommand's whole usage under the reason buried it, so a subcommand names its {@code --help}; the
 * top-level command still prints its usage, whose list of commands is what someone who named none needs.
 */
final class UsageErrors implements IParameterExceptionHandler {

    @Override
    public int handleParseException(ParameterException e, String[] args) {
        CommandLine line = e.getCommandLine();
        PrintWriter err = line.getErr();
        err.println("runtime: " + e.getMessage());
        UnmatchedArgumentException.printSuggestions(e, err);
        if (line.getParent() == null) {
            line.usage(err);
        } else {
            err.println("See: " + line.getCommandSpec().qualifiedName() + " --help");
        }
        err.flush();
        return line.getCommandSpec().exitCodeOnInvalidInput();
    }
}
