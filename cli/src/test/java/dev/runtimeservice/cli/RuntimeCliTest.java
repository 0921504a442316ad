package dev.runtimeservice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The top-level command's contract without a manager: usage errors, an unreachable manager, the URL it uses. */
class RuntimeCliTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(Map<String, String> environment, String... args) {
        return RuntimeCli.execute(environment, new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    @Test
    void anUnknownCommandIsAUsageErrorWithASuggestion() {
        assertThat(run(Map.of(), "lss")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("Unmatched argument").contains("runtime ls");
    }

    @Test
    void aSubcommandsUsageErrorIsItsReasonAndWhereToReadMoreNotItsWholeUsage() {
        assertThat(run(Map.of(), "launch")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString())
                .isEqualTo("runtime: Missing required parameter: 'AGENT'\nSee: runtime launch --help\n");
    }

    @Test
    void noCommandAtAllIsAUsageError() {
        assertThat(run(Map.of())).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("Name a command").contains("Usage: runtime");
    }

    @Test
    void aManagerThatDoesNotListenIsExitCodeThreeWithOneLineThatSaysWhatToDo() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        assertThat(run(Map.of(), "ls", "--url", "http://127.0.0.1:" + closed)).isEqualTo(ExitCodes.UNREACHABLE);
        assertThat(err.toString())
                .startsWith("runtime: cannot reach the manager at http://127.0.0.1:" + closed)
                .contains("RUNTIME_URL")
                .hasLineCount(1);
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void theUrlComesFromTheOptionThenRuntimeUrlThenTheDefault() {
        RuntimeCli cli = new RuntimeCli(Map.of("RUNTIME_URL", "http://example.test:9000"));
        assertThat(cli.managerUrl()).isEqualTo("http://example.test:9000");
        cli.url = "http://127.0.0.1:8100";
        assertThat(cli.managerUrl()).isEqualTo("http://127.0.0.1:8100");
        assertThat(new RuntimeCli(Map.of()).managerUrl()).isEqualTo(RuntimeCli.DEFAULT_URL);
    }

    @Test
    void aUrlThatIsNotHttpIsAUsageErrorThatSaysWhereItCameFrom() {
        assertThat(run(Map.of(), "ls", "--url", "localhost:8000")).isEqualTo(ExitCodes.USAGE);
        assertThat(run(Map.of("RUNTIME_URL", "http//localhost"), "ls")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString())
                .isEqualTo("runtime: --url localhost:8000 is not an http:// or https:// URL with a host, such as "
                        + RuntimeCli.DEFAULT_URL + "\nSee: runtime --help\n"
                        + "runtime: RUNTIME_URL http//localhost is not an http:// or https:// URL with a host, such as "
                        + RuntimeCli.DEFAULT_URL + "\nSee: runtime --help\n");
    }

    @Test
    void theOptionsOfTheTopLevelCommandAlsoWorkAfterTheSubcommand() {
        RuntimeCli cli = new RuntimeCli(Map.of());
        picocli.CommandLine line = new picocli.CommandLine(cli);
        line.parseArgs("ls", "--json", "--url", "http://127.0.0.1:1");
        assertThat(cli.json()).isTrue();
        assertThat(cli.managerUrl()).isEqualTo("http://127.0.0.1:1");
    }

    @Test
    void everyCommandHasItsHelpWithTheDefaultUrlWhole() {
        List<String> commands = List.of("launch", "ls", "stop", "status", "logs", "events", "instruct", "top", "mcp");
        for (String command : commands) {
            StringWriter help = new StringWriter();
            int code = RuntimeCli.execute(
                    Map.of(), new PrintWriter(help, true), new PrintWriter(err, true), command, "--help");
            assertThat(code).as(command).isZero();
            assertThat(help.toString())
                    .as(command)
                    .startsWith("Usage: runtime " + command)
                    .contains(RuntimeCli.DEFAULT_URL)
                    .contains("Exit codes:");
        }
        assertThat(run(Map.of(), "--help")).isZero();
        assertThat(out.toString()).contains(RuntimeCli.DEFAULT_URL);
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void completionIsGeneratedForEveryCommand() {
        assertThat(run(Map.of(), "generate-completion")).isZero();
        assertThat(out.toString()).contains("complete -F").contains("ls");
    }
}
