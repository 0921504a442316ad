package dev.runtimeservice.manager.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WorkloadTest {

    @Test
    void itsTextNamesTheImageAndProbesButNotTheResourcesWhichHoldTheLaunchsSecrets() {
        Workload workload = new Workload(
                "vfs:0.1.0",
                8001,
                "/actuator/health/readiness",
                "/actuator/health/liveness",
                "on-failure",
                "{\"resources\":{\"db\":{\"password\":\"s3cret\"}}}".getBytes(StandardCharsets.UTF_8));

        assertThat(workload.toString())
                .contains("vfs:0.1.0", "/actuator/health/liveness", "on-failure", "resourcesFile=42 bytes")
                .doesNotContain("s3cret");
    }
}
