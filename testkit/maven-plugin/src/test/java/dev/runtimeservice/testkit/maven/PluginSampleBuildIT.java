package dev.runtimeservice.testkit.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Builds the plugin's sample project ({@code testkit/samples/maven-plugin-sample}) with Maven as a user's build runs,
 * with its test that fails on purpose selected: runtime:start launches vfs, {@code VfsThroughPluginIT} passes
 * through the URL properties, {@code FailsOnPurposeIT} fails, runtime:stop still stops the manager and vfs in
 * post-integration-test, and Failsafe's verify fails the build after it. The sample is built here only, not in the
 * reactor, so that one manager serves both. The build takes the plugin and the test kit from this build's jars, in
 * a repository of this test's own: the shared local repository, behind it read-only, gets nothing.
 */
class PluginSampleBuildIT {

    private static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();
    private static final Path SAMPLE = ROOT.resolve("testkit/samples/maven-plugin-sample");

    @Test
    void stopRunsAfterAFailingTestAndTheBuildFailsAfterIt() throws Exception {
        Path log = Path.of("target/plugin-sample-build.log").toAbsolutePath();
        ProcessBuilder maven = new ProcessBuilder(
                        command(BuildRepository.create(ROOT, Path.of("target/it-repository"))))
                .directory(ROOT.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        // A short build: the quick compiler alone starts Maven in about half the CPU time.
        maven.environment().put("MAVEN_OPTS", "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC");
        Process build = maven.start();
        boolean ended = build.waitFor(5, TimeUnit.MINUTES);
        if (!ended) {
            build.descendants().forEach(ProcessHandle::destroyForcibly);
            build.destroyForcibly();
        }
        String output = Files.readString(log);
        assertThat(ended).as("the build ended within 5 minutes:\n%s", output).isTrue();

        assertThat(build.exitValue()).as("the build's exit code:\n%s", output).isNotZero();
        assertThat(output)
                .contains("Tests run: 3, Failures: 1, Errors: 0, Skipped: 0")
                .contains("FailsOnPurposeIT.failsWhileVfsRuns")
                .contains("BUILD FAILURE");
        assertThat(output.indexOf("Stopping the runtime manager at"))
                .as("runtime:stop ran before Failsafe's verify failed the build:\n%s", output)
                .isPositive()
                .isLessThan(output.indexOf("There are test failures"));

        Matcher manager = find(output, "Runtime manager at (\\S+) \\(pid (\\d+), folder (.+)\\)");
        Matcher vfs = find(output, "Agent vfs at (\\S+) ");
        Matcher vfsPid = find(output, "failing on purpose while vfs runs: .*?\"pid\":(\\d+)");
        List<Long> pids = List.of(Long.parseLong(manager.group(2)), Long.parseLong(vfsPid.group(1)));
        assertThat(pids).as("the manager's and vfs's pids").noneMatch(PluginSampleBuildIT::alive);
        assertThat(List.of(URI.create(manager.group(1)), URI.create(vfs.group(1))))
                .noneMatch(PluginSampleBuildIT::listening);
        assertThat(Path.of(manager.group(3))).doesNotExist();
    }

    /**
     * The Maven that runs this build, on the sample, offline: this build has already fetched every plugin and
     * library the sample uses.
     */
    private static List<String> command(Path repository) {
        return List.of(
                Path.of(System.getProperty("maven.home"), "bin", "mvn").toString(),
                "-o",
                "-B",
                "-f",
                SAMPLE.resolve("pom.xml").toString(),
                "-Dmaven.repo.local=" + repository,
                "-Dmaven.repo.local.tail=" + System.getProperty("maven.repo.local"),
                "-Dit.test=VfsThroughPluginIT,FailsOnPurposeIT",
                "verify");
    }

    private static Matcher find(String output, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(output);
        assertThat(matcher.find())
                .as("the build's output has %s:\n%s", regex, output)
                .isTrue();
        return matcher;
    }

    private static boolean alive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    private static boolean listening(URI url) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(url.getHost(), url.getPort()), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
