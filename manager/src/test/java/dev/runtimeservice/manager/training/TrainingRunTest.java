package dev.runtimeservice.manager.training;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtimeservice.manager.agent.catalog.AgentCatalog;
import dev.runtimeservice.manager.config.RuntimeProperties;
import dev.runtimeservice.manager.faststart.FastStartCache;
import dev.runtimeservice.manager.faststart.FastStartProperties;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** What the training does when there is nothing it could record; the training itself runs in FastStartIT. */
@ExtendWith(OutputCaptureExtension.class)
class TrainingRunTest {

    @Test
    void withFastStartOffItLaunchesNothingAndSaysWhy(@TempDir Path dir, CapturedOutput output) throws Exception {
        Path agents = Files.createDirectories(dir.resolve("agents"));
        Files.writeString(
                Files.createDirectories(agents.resolve("jarred")).resolve("agent.yml"),
                "description: a jar agent\njar: app.jar\n");
        AgentCatalog catalog = new AgentCatalog(new RuntimeProperties(
                false,
                8001,
                12001,
                agents,
                dir.resolve("logs"),
                Duration.ofSeconds(5),
                Duration.ofSeconds(5),
                "127.0.0.1",
                "INFO",
                0));
        FastStartCache off = new FastStartCache(new FastStartProperties(false, dir.resolve("cache")));

        // No manager: with fast start off, the training must not launch anything.
        assertThat(new TrainingRun(catalog, null, off, null, null).trainAll()).isEmpty();
        assertThat(output).contains("nothing to record, fast start is off (runtime.fast-start.enabled=false)");
    }
}
