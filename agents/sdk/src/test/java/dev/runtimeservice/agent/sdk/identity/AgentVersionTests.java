package dev.runtimeservice.agent.sdk.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.springframework.boot.info.BuildProperties;

class AgentVersionTests {

    @Test
    void buildInfoComesFirst() {
        Properties entries = new Properties();
        entries.setProperty("version", "1.2.3");

        assertThat(AgentVersion.of(new BuildProperties(entries), Test.class)).isEqualTo("1.2.3");
    }

    @Test
    void theJarManifestComesNext() {
        assertThat(AgentVersion.of(null, Test.class))
                .isEqualTo(Test.class.getPackage().getImplementationVersion())
                .isNotBlank();
    }

    @Test
    void withNeitherTheVersionIsUnknown() {
        assertThat(AgentVersion.of(null, AgentVersionTests.class)).isEqualTo("unknown");
        assertThat(AgentVersion.of(new BuildProperties(new Properties()), null)).isEqualTo("unknown");
    }
}
