package dev.runtimeservice.agent.kendra.vfs;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.util.unit.DataSize;

class VfsIngestPropertiesTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
            .withUserConfiguration(Enabled.class);

    @Test
    void byDefaultTheManagerIsAskedAndFilesUpToOneMegabyteAreRead() {
        runner.run(context -> {
            VfsIngestProperties properties = context.getBean(VfsIngestProperties.class);
            assertThat(properties.url()).isNull();
            assertThat(properties.maxFileSize()).isEqualTo(DataSize.ofMegabytes(1));
            assertThat(properties.maxFiles()).isEqualTo(1000);
            assertThat(properties.timeout()).isEqualTo(Duration.ofSeconds(30));
        });
    }

    @Test
    void aConfiguredUrlAndLimitsAreBound() {
        runner.withPropertyValues(
                        "kendra.vfs.url=http://127.0.0.1:8001",
                        "kendra.vfs.max-file-size=64KB",
                        "kendra.vfs.max-files=10")
                .run(context -> {
                    VfsIngestProperties properties = context.getBean(VfsIngestProperties.class);
                    assertThat(properties.url()).isEqualTo(URI.create("http://127.0.0.1:8001"));
                    assertThat(properties.maxFileSize()).isEqualTo(DataSize.ofKilobytes(64));
                    assertThat(properties.maxFiles()).isEqualTo(10);
                });
    }

    @Test
    void aMaxFilesBelowOneStopsTheStartNamingTheProperty() {
        runner.withPropertyValues("kendra.vfs.max-files=0")
                .run(context -> assertThat(context)
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("kendra.vfs")
                        .hasMessageContaining("maxFiles"));
    }

    @EnableConfigurationProperties(VfsIngestProperties.class)
    static class Enabled {}
}
