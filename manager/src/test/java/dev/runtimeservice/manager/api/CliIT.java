package dev.runtimeservice.manager.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.runtimeservice.cli.RuntimeCli;
import dev.runtimeservice.manager.streaming.StreamHub;
import io.restassured.path.json.JsonPath;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The {@code runtime} CLI's commands, run in this JVM as {@code bin/runtime} runs them, against the real manager
 * with real agents: what each prints, its exit code, and errors as the manager's detail on one line.
 */
class CliIT extends ManagerProcessTestSupport {

    @Autowired
    StreamHub streams;

    /** What one command line printed and returned. */
    record Run(int exit, String out, String err) {}

    private Run runtime(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = RuntimeCli.execute(
                Map.of("RUNTIME_URL", "http://127.0.0.1:" + port),
                new PrintWriter(out, true),
                new PrintWriter(err, true),
                args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void anOperatorLaunchesListsInspectsReadsTheLogOfAndStopsAnAgent(@TempDir Path folder) throws Exception {
        Path resources =
                Files.writeString(folder.resolve("resources.json"), "{\"db\": {\"password\": \"cl1-secret\"}}");
        Run launched = runtime("launch", "leaky", "--resources", resources.toString());
        assertThat(launched.exit()).as(launched.err()).isZero();
        assertThat(launched.out())
                .contains("leaky         STARTING")
                .contains("leaky         RUNNING (was STARTING) pid ")
                .contains("leaky: started and ready (pid ");
        // Its progress reader stops soon after the answer: a thread left in a socket read holds the JVM's exit 300 ms.
        await().atMost(Duration.ofMillis(500))
                .until(() -> Thread.getAllStackTraces().keySet().stream()
                        .noneMatch(thread -> thread.getName().equals("launch-progress")));

        Run table = runtime("ls");
        assertThat(table.exit()).isZero();
        assertThat(table.out().lines().toList().get(0)).matches("NAME +STATUS +PID +PORT +UPTIME +CPU +MEM +RESTARTS");
        assertThat(table.out()).containsPattern("leaky +RUNNING +\\d+ +230\\d\\d +\\d+s +");

        JsonPath json = JsonPath.from(runtime("ls", "--json").out());
        assertThat(json.getString("agents[0].name")).isEqualTo("leaky");
        assertThat(JsonPath.from(runtime("--json", "ls").out()).getString("agents[0].status"))
                .isEqualTo("RUNNING");

        Run status = runtime("status", "leaky");
        assertThat(status.out()).contains("status:       RUNNING").contains("resources:    db");

        Run tail = runtime("logs", "leaky", "-n", "20");
        assertThat(tail.out()).contains("listening on").contains("******").doesNotContain("cl1-secret");

        long opened = streams.streamsOpened();
        CompletableFuture<Run> events =
                CompletableFuture.supplyAsync(() -> runtime("events", "--agent", "leaky", "--count", "2"));
        CompletableFuture<Run> followed =
                CompletableFuture.supplyAsync(() -> runtime("logs", "leaky", "-f", "-n", "5"));
        // Both streams are open (their positions taken) before the stop, or they could miss its events.
        await().atMost(Duration.ofSeconds(15))
                .until(() -> streams.streamsOpened() >= opened + 2 || events.isDone() || followed.isDone());
        Run stopped = runtime("stop", "leaky");
        assertThat(stopped.exit()).isZero();
        assertThat(stopped.out()).isEqualTo("leaky: stopped; its port and resources file are released\n");
        Run streamed = events.get(15, TimeUnit.SECONDS);
        assertThat(streamed.exit()).as(streamed.err()).isZero();
        assertThat(streamed.out())
                .contains("leaky         STOPPING (was RUNNING)")
                .contains("STOPPED (was STOPPING)");
        // A followed log ends when its agent stops, with a last line that says so.
        Run log = followed.get(15, TimeUnit.SECONDS);
        assertThat(log.exit()).as(log.err()).isZero();
        assertThat(log.out()).doesNotContain("cl1-secret").endsWith("-- leaky stopped: its log ends here --\n");
    }

    @Test
    void failuresAreTheManagersDetailOnOneLineWithExitCodeOne() {
        Run unknown = runtime("launch", "nosuch");
        assertThat(unknown.exit()).isEqualTo(1);
        assertThat(unknown.err())
                .startsWith("runtime: No agent named nosuch in the catalog. Known agents: ")
                .hasLineCount(1);

        Run crashed = runtime("launch", "crasher");
        assertThat(crashed.exit()).isEqualTo(1);
        assertThat(crashed.err()).contains("crasher").hasLineCount(1).doesNotContain("Exception");
        assertThat(crashed.out()).contains("crasher       FAILED");
        Run followed = runtime("logs", "crasher", "-f", "-n", "3");
        assertThat(followed.exit()).isEqualTo(1);
        assertThat(followed.out().lines().reduce((first, second) -> second).orElse(""))
                .startsWith("-- crasher failed: ")
                .contains("exit");

        Run notRunning = runtime("status", "echo");
        assertThat(notRunning.exit()).isEqualTo(1);
        assertThat(notRunning.err())
                .isEqualTo("runtime: agent echo is not running and has not failed; start it with:"
                        + " runtime launch echo\n");
        Run notInTheCatalog = runtime("status", "nope");
        assertThat(notInTheCatalog.exit()).isEqualTo(1);
        assertThat(notInTheCatalog.err())
                .startsWith("runtime: No agent named nope in the catalog. Known agents: ")
                .contains("echo, ")
                .hasLineCount(1);
    }

    @Test
    void aBadCommandLineIsExitCodeTwo() {
        Run missingFile = runtime("launch", "echo", "--resources", "/nonexistent/resources.json");
        assertThat(missingFile.exit()).isEqualTo(2);
        assertThat(missingFile.err())
                .isEqualTo("runtime: --resources /nonexistent/resources.json: no such file\n"
                        + "See: runtime launch --help\n");
        assertThat(runtime("stop").exit()).isEqualTo(2);
    }

    @Test
    void topRedrawsTheTable() {
        Run top = runtime("top", "--iterations", "2", "--delay", "0.1");
        assertThat(top.exit()).isZero();
        assertThat(top.out().split("runtime top - ", -1)).hasSize(3);
    }
}
