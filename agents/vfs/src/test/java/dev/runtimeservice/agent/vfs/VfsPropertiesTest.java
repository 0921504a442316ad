package dev.runtimeservice.agent.vfs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

class VfsPropertiesTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(VfsProperties.class)
    static class Bound {}

    private final ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(Bound.class);

    @Test
    void defaultsPutTheRootUnderTheHomeWithAHundredMegabyteFileLimit() {
        runner.run(context -> {
            VfsProperties properties = context.getBean(VfsProperties.class);
            assertThat(properties.rootUnder(Path.of("/agents/vfs"))).isEqualTo(Path.of("/agents/vfs/data"));
            assertThat(properties.maxFileSize()).isEqualTo(DataSize.ofMegabytes(100));
            assertThat(properties.maxRootSize()).isEqualTo(DataSize.ofGigabytes(1));
            assertThat(properties.maxPageSize()).isEqualTo(1000);
        });
    }

    @Test
    void limitsAndTheRootAreConfigurable() {
        runner.withPropertyValues("vfs.root=/srv/files", "vfs.max-file-size=2MB", "vfs.max-root-size=10MB")
                .run(context -> {
                    VfsProperties properties = context.getBean(VfsProperties.class);
                    assertThat(properties.rootUnder(Path.of("/agents/vfs"))).isEqualTo(Path.of("/srv/files"));
                    assertThat(properties.maxFileSize()).isEqualTo(DataSize.ofMegabytes(2));
                    assertThat(properties.maxRootSize()).isEqualTo(DataSize.ofMegabytes(10));
                });
    }

    @Test
    void aPageSizeBelowOneStopsTheStart() {
        runner.withPropertyValues("vfs.max-page-size=0")
                .run(context -> assertThat(context).hasFailed());
    }
}
