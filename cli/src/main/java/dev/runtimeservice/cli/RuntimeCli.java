package dev.runtimeservice.cli;

import dev.runtimeservice.cli.agents.LaunchCommand;
import dev.runtimeservice.cli.agents.LsCommand;
import dev.runtimeservice.cli.agents.StatusCommand;
import dev.runtimeservice.cli.agents.StopCommand;
import dev.runtimeservice.cli.agents.TopCommand;
import dev.runtimeservice.cli.client.ManagerClient;
import dev.runtimeservice.cli.events.EventsCommand;
import dev.runtimeservice.cli.instruct.InstructCommand;
import dev.runtimeservice.cli.logs.LogsCommand;
import dev.runtimeservice.cli.mcp.McpCommand;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * {@code runtime}, the operator's command line: the top-level command, its options shared by every subcommand
 * (the manager's URL, JSON output) and the exit codes. Started by {@code bin/runtime}.
 */
// INHERIT: every subcommand gets --help and --version, and the footer (environment, exit codes) in its help, too.
@Command(
        name = "runtime",
        scope = ScopeType.INHERIT,
        mixinStandardHelpOptions = true,
        versionProvider = CliVersion.class,
        description = "Runs and watches the Runtime Service's agents through its manager.",
        footer = {
            "",
            "Environment: RUNTIME_URL (the manager's URL), RUNTIME_API_KEY (its API key, when it needs one).",
            "Exit codes: 0 ok, 1 failed, 2 usage, 3 the manager is unreachable.",
            "Shell completion: source <(runtime generate-completion)"
        },
        subcommands = {
            LaunchCommand.class,
            LsCommand.class,
            StopCommand.class,
            StatusCommand.class,
            LogsCommand.class,
            EventsCommand.class,
            InstructCommand.class,
            TopCommand.class,
            McpCommand.class,
            AutoComplete.GenerateCompletion.class
        })
public final class RuntimeCli implements Runnable {

    /** The manager's URL when neither --url nor RUNTIME_URL says otherwise. */
    public static final String DEFAULT_URL = "http://localhost:8000";

    @Spec
    @SuppressWarnings("NullAway.Init") // injected by picocli before run()
    CommandSpec spec;

    @Option(
            names = "--url",
            scope = ScopeType.INHERIT,
            paramLabel = "URL",
            // Two lines, so that the help never breaks the URL itself ("http:" on one line, "//localhost:8000" on
            // the next, as one line did at 80 columns).
            description = {"the manager's URL (default: $RUNTIME_URL,", "else " + DEFAULT_URL + ")"})
    @Nullable
    String url;

    @Option(
            names = "--json",
            scope = ScopeType.INHERIT,
            description = "print the manager's answers as JSON, for scripts")
    boolean json;

    private final Map<String, String> environment;

    /** The command with this process environment (RUNTIME_URL, RUNTIME_API_KEY). */
    public RuntimeCli(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    /** Runs {@code runtime} with the process's environment and exits with its exit code. */
    public static void main(String[] args) {
        // The MCP SDK (runtime mcp) logs through SLF4J, which has no provider here: its logs are dropped, as the
        // command reports its failures itself on one line. SLF4J's three-line warning about that at every start went
        // to standard error, which MCP clients show as the server's log; its errors still do.
        if (System.getProperty("slf4j.internal.verbosity") == null) {
            System.setProperty("slf4j.internal.verbosity", "ERROR");
        }
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        System.exit(execute(System.getenv(), out, err, args));
    }

    /**
     * Runs one command line, as the process would, and returns its exit code ({@link ExitCodes}).
     *
     * @param environment where RUNTIME_URL and RUNTIME_API_KEY are read
     * @param out standard output
     * @param err standard error: usage errors and the one-line error of a failed command
     */
    public static int execute(Map<String, String> environment, PrintWriter out, PrintWriter err, String... args) {
        return commandLine(environment, out, err).execute(args);
    }

    /** The configured command line: output streams, the one-line error handler and the exit codes. */
    public static CommandLine commandLine(Map<String, String> environment, PrintWriter out, PrintWriter err) {
        CommandLine line = new CommandLine(new RuntimeCli(environment));
        line.setOut(out);
        line.setErr(err);
        line.setExecutionExceptionHandler(new OneLineErrors());
        line.setParameterExceptionHandler(new UsageErrors());
        line.setCaseInsensitiveEnumValuesAllowed(true);
        return line;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Name a command, for instance: runtime ls");
    }

    /** A client of the manager that --url, RUNTIME_URL or the default names, with RUNTIME_API_KEY. */
    public ManagerClient client() {
        return new ManagerClient(managerUri(), environment.get("RUNTIME_API_KEY"));
    }

    /**
     * The manager's URL, checked: without it, {@code --url localhost:8000} was reported as a manager that could not
     * be reached ("unknown protocol"), exit code 3, when the command line was wrong.
     */
    public URI managerUri() {
        String chosen = managerUrl();
        try {
            URI uri = new URI(chosen);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // said below, with where the URL came from
        }
        String source = url != null ? "--url" : "RUNTIME_URL";
        throw new CommandLine.ParameterException(
                spec.commandLine(),
                source + " " + chosen + " is not an http:// or https:// URL with a host, such as " + DEFAULT_URL);
    }

    /** The manager's URL: --url, else RUNTIME_URL, else {@value #DEFAULT_URL}. */
    public String managerUrl() {
        String chosen = url != null ? url : environment.getOrDefault("RUNTIME_URL", "");
        return chosen.isBlank() ? DEFAULT_URL : chosen.strip();
    }

    /** Standard output, as the command line was given it. */
    public PrintWriter out() {
        return spec.commandLine().getOut();
    }

    /** Whether --json was given. */
    public boolean json() {
        return json;
    }

    /** The environment the command runs with. */
    public Map<String, String> environment() {
        return environment;
    }
}
