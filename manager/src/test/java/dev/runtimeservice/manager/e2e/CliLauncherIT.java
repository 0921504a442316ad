package dev.runtimeservice.manager.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtimeservice.testsupport.TestPorts;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/runtime}, as an operator runs it after a build: the first command that asks a manager something records
 * the CLI's class archive as it exits (help, a version, a usage error or an unreachable manager record none), the
 * next ones map it, and an archive another JDK made is recorded again. A real manager answers, from the packaged jar.
 */
class CliLauncherIT {

    private static final Path SCRIPT = PackagedManager.ROOT.resolve("bin/runtime");
    private static final Path TARGET = PackagedManager.ROOT.resolve("cli/target");
    private static final Path ARCHIVE = TARGET.resolve("runtime-cli.jsa");
    private static final Path STAMP = TARGET.resolve("runtime-cli.jsa.jdk");

    @TempDir
    Path folder;

    @Test
    void theFirstCommandThatAsksTheManagerRecordsTheClassArchiveTheNextOnesMapItAndAnotherJdksIsRecordedAgain()
            throws Exception {
        Files.deleteIfExists(ARCHIVE);
        Files.deleteIfExists(STAMP);
        int port = TestPorts.free();
        Path agents = Files.createDirectories(folder.resolve("agents"));
        try (PackagedManager manager = PackagedManager.start(
                Map.of("PORT", Integer.toString(port), "AGENTS_DIR", agents.toString(), "AGENT_STANDBY", "none"),
                folder.resolve("manager.out"))) {
            manager.awaitHealthy("http://127.0.0.1:" + port + "/actuator/health/readiness", Duration.ofSeconds(120));
            String url = "http://127.0.0.1:" + port;

            assertThat(run(SCRIPT, "", 0, "--version")).contains("runtime");
            assertThat(run(SCRIPT, "", 0, "ls", "--help")).contains("Usage: runtime ls");
            assertThat(run(SCRIPT, "", 3, "ls", "--url", "http://127.0.0.1:" + TestPorts.free()))
                    .contains("cannot reach");
            assertThat(ARCHIVE)
                    .as("recorded by help, a version or an unreachable manager")
                    .doesNotExist();

            assertThat(run(SCRIPT, "", 0, "--url", url, "ls")).startsWith("No agents");
            assertThat(ARCHIVE).isNotEmptyFile();
            String jdk = Files.readString(STAMP).strip();
            assertThat(jdk).endsWith("/bin/java");
            try (Stream<Path> files = Files.list(TARGET)) {
                assertThat(files.map(file -> file.getFileName().toString()))
                        .as("no half-written archive left")
                        .noneMatch(name -> name.matches("runtime-cli\\.jsa.*\\.\\d+"));
            }

            Path classes = folder.resolve("classes.log");
            run(SCRIPT, "-Xlog:class+load:file=" + classes, 0, "--version");
            assertThat(Files.readAllLines(classes))
                    .anyMatch(line ->
                            line.contains("dev.runtimeservice.cli.RuntimeCli source: shared objects file (top)"));

            Files.writeString(STAMP, "/another/jdk/bin/java\n");
            long before = Files.getLastModifiedTime(ARCHIVE).toMillis();
            Thread.sleep(1100); // file times may count whole seconds
            run(SCRIPT, "", 0, "--url", url, "ls");
            assertThat(Files.readString(STAMP).strip()).isEqualTo(jdk);
            assertThat(Files.getLastModifiedTime(ARCHIVE).toMillis()).isGreaterThan(before);
        }
    }

    @Test
    void theMcpBridgePrintsNothingToStandardErrorWhenItsInputEnds() throws Exception {
        ProcessBuilder builder = new ProcessBuilder(List.of(SCRIPT.toString(), "mcp"))
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectOutput(folder.resolve("out.txt").toFile())
                .redirectError(folder.resolve("err.txt").toFile());
        Process process = builder.start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("bin/runtime mcp did not end within 60 s of its input's end");
        }
        // SLF4J printed "No SLF4J providers were found" and two more lines there at every start.
        assertThat(folder.resolve("err.txt")).isEmptyFile();
        assertThat(folder.resolve("out.txt")).isEmptyFile();
        assertThat(process.exitValue()).isZero();
    }

    @Test
    void aLinkToTheScriptRunsTheCommandsFromTheRepositoryTheLinkLeadsTo() throws Exception {
        // As an operator puts it on the PATH: ln -s …/bin/runtime ~/bin/runtime. A link to that link works too.
        Path link = Files.createSymbolicLink(folder.resolve("runtime"), SCRIPT);
        Path linkToLink = Files.createSymbolicLink(folder.resolve("rt"), Path.of("runtime"));

        assertThat(run(link, "", 0, "--version")).contains("runtime");
        assertThat(run(linkToLink, "", 0, "--version")).contains("runtime");
    }

    /** Runs {@code command} with these JVM options and arguments; fails unless it exits with {@code exitCode}. */
    private String run(Path command, String javaOptions, int exitCode, String... arguments)
            throws IOException, InterruptedException {
        Path output = folder.resolve("output.txt");
        List<String> argv = new ArrayList<>(List.of(command.toString()));
        argv.addAll(List.of(arguments));
        ProcessBuilder builder =
                new ProcessBuilder(argv).redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().put("RUNTIME_CLI_JAVA_OPTS", javaOptions);
        builder.environment().remove("RUNTIME_URL");
        Process process = builder.start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(argv + " did not end within 60 s");
        }
        String printed = Files.readString(output, StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(printed).isEqualTo(exitCode);
        return printed;
    }
}
