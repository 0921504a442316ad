package dev.runtimeservice.manager.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.runtimeservice.manager.agent.AgentManager;
import dev.runtimeservice.manager.agent.catalog.AgentCatalog;
import dev.runtimeservice.manager.faststart.FastStartCache;
import dev.runtimeservice.manager.storage.Folders;
import dev.runtimeservice.manager.training.TrainingRun;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * A real Spring Boot agent jar started the fast way: extracted once, its first clean run records a class data
 * sharing archive, later runs map it, and an archive the JVM refuses is found, deleted and recorded again; the
 * training run records it before any launch.
 */
// Started among the first test classes: it takes about a minute (the class order: see the manager's pom).
@Order(1)
// A context, port range and cache of its own, and nothing shared with the e2e tests: it may run beside them.
@TestPropertySource(
        properties = {
            "runtime.agent-startup-timeout=120s",
            "runtime.agent-shutdown-timeout=30s",
            "runtime.min-agent-port=23700",
            "runtime.max-agent-port=23799",
            "runtime.fast-start.cache-dir=target/fast-start-it"
        })
class FastStartIT extends InJvmManagerSupport {

    @Autowired
    AgentCatalog catalog;

    @Autowired
    AgentManager manager;

    @Autowired
    FastStartCache fastStart;

    @Autowired
    TrainingRun training;

    private static final Path CACHE = Path.of("target/fast-start-it").toAbsolutePath();

    @BeforeEach
    void emptyCache() throws Exception {
        Folders.delete(CACHE);
    }

    @Test
    void theFirstCleanRunRecordsAnArchiveThatLaterRunsMapAndARefusedOneIsMadeAgain() throws Exception {
        Path log = LOGS.resolve("agents/fastjar.log");
        long logBefore = Files.exists(log) ? Files.size(log) : 0;
        long first = launch("fastjar").statusCode(200).extract().jsonPath().getLong("agents[0].pid");
        assertThat(commandLine(first)).contains("-XX:ArchiveClassesAtExit=").contains("/ext/");
        // Its temporary folder is in its home, and what Tomcat puts there at start lands in it.
        Path temp = AGENTS.resolve("fastjar/.tmp");
        assertThat(commandLine(first)).contains("-Djava.io.tmpdir=" + temp);
        try (Stream<Path> files = Files.list(temp)) {
            assertThat(files.map(file -> file.getFileName().toString())).anyMatch(n -> n.startsWith("tomcat-docbase."));
        }
        stop("fastjar").statusCode(200);
        // The JVM's warnings about the classes it leaves out of the archive (about 50) stay out of the agent's log.
        byte[] logged = Files.readAllBytes(log);
        assertThat(new String(logged, (int) logBefore, logged.length - (int) logBefore, StandardCharsets.UTF_8))
                .contains("Started OrchestratorAgentApplication")
                .doesNotContain("[warning][cds]");
        Files.writeString(temp.resolve("left-by-a-killed-run"), "x");
        Path archive = single("app.jsa");
        assertThat(Files.size(archive)).isGreaterThan(1_000_000);

        long second = launch("fastjar").statusCode(200).extract().jsonPath().getLong("agents[0].pid");
        assertThat(commandLine(second)).contains("-XX:SharedArchiveFile=" + archive);
        assertThat(Files.readString(Path.of("/proc", Long.toString(second), "maps")))
                .contains(archive.toString());
        assertThat(temp.resolve("left-by-a-killed-run")).doesNotExist();
        stop("fastjar").statusCode(200);

        try (var out = Files.newOutputStream(archive, java.nio.file.StandardOpenOption.WRITE)) {
            out.write("not an archive any more".getBytes());
        }
        launch("fastjar").statusCode(200);
        assertThat(archive).doesNotExist();
        stop("fastjar").statusCode(200);
        // What runs killed as they wrote the archive leave: Java 17's temporary archive, Java 25's training
        // configuration. The next run that records the archive deletes them.
        Path leftArchive = Files.writeString(archive.resolveSibling("app.jsa.killed-run.tmp"), "x");
        Path leftConfiguration = Files.writeString(archive.resolveSibling("app.jsa.killed-run.tmp.config"), "x");
        long retrained = launch("fastjar").statusCode(200).extract().jsonPath().getLong("agents[0].pid");
        assertThat(commandLine(retrained)).contains("-XX:ArchiveClassesAtExit=");
        assertThat(leftArchive).doesNotExist();
        assertThat(leftConfiguration).doesNotExist();
        // Its own training configuration, had Java 25 left one, goes when it has exited.
        String training =
                commandLine(retrained).split("-XX:ArchiveClassesAtExit=")[1].split(" ")[0];
        Path ownConfiguration = Files.writeString(Path.of(training + ".config"), "x");
        stop("fastjar").statusCode(200);
        assertThat(ownConfiguration).doesNotExist();
        assertThat(Files.size(single("app.jsa"))).isGreaterThan(1_000_000);
    }

    @Test
    void aTrainingRunRecordsEachJarAgentsArchiveAndSaysWhyItCouldNotForOthers() throws Exception {
        List<String> report = training.trainAll();
        assertThat(report)
                .hasSize(3)
                .anyMatch(line -> line.startsWith("fastjar: recorded " + CACHE))
                .anyMatch(line -> line.startsWith("badjvm: not trained: Agent badjvm failed to start"))
                .anyMatch(line -> line.startsWith("nojar: not trained: its jar "));
        assertThat(Files.size(single("app.jsa"))).isGreaterThan(1_000_000);
        assertThat(given().port(port).get("/api/list_agents").jsonPath().getList("agents.status"))
                .doesNotContain("RUNNING", "STARTING");

        assertThat(training.trainAll()).contains("fastjar: already has an archive for this jar, JDK and JVM options");
    }

    private static Path single(String name) throws Exception {
        try (Stream<Path> files = Files.walk(CACHE)) {
            List<Path> found = files.filter(
                            file -> file.getFileName().toString().equals(name))
                    .toList();
            assertThat(found).hasSize(1);
            return found.get(0);
        }
    }
}
