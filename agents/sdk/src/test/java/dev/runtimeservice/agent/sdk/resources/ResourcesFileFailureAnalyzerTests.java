package dev.runtimeservice.agent.sdk.resources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.runtimeservice.agent.sdk.testapp.TestAgentApplication;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

@ExtendWith(OutputCaptureExtension.class)
class ResourcesFileFailureAnalyzerTests {

    @Test
    void aMalformedResourcesFileStopsTheAgentWithAReportNamingTheFile(@TempDir Path dir, CapturedOutput output)
            throws IOException {
        Path file = Files.writeString(dir.resolve("resources.json"), "{\"resources\":{\"db\":\"p4ssw0rd\"");

        assertThatExceptionOfType(Exception.class)
                .isThrownBy(() -> new SpringApplicationBuilder(TestAgentApplication.class)
                        .properties("server.port=0", "agent.name=broken", "agent.resources-file=" + file)
                        .run());

        assertThat(output.getOut() + output.getErr())
                .contains("APPLICATION FAILED TO START")
                .contains("Resources file " + file + " is not valid JSON")
                .contains("Fix or remove " + file)
                .doesNotContain("p4ssw0rd");
    }
}
