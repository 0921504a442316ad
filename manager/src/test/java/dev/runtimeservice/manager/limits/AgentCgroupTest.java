package dev.runtimeservice.manager.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A cgroup's memory limit lifted for a JVM that records its class archive as it stops: what is written, into copies
 * of the kernel's files for both hierarchies, and what the kernel of this machine reads back.
 */
class AgentCgroupTest {

    @TempDir
    Path folder;

    @Test
    void onV1MemoryAndSwapTogetherAreLiftedFirstThenMemory() throws Exception {
        Files.writeString(folder.resolve("memory.limit_in_bytes"), "");
        Files.writeString(folder.resolve("memory.memsw.limit_in_bytes"), "");
        AgentCgroup cgroup = new AgentCgroup(false, folder, null, null, Limits.parse("384Mi", null, null));
        cgroup.apply();
        assertThat(folder.resolve("memory.limit_in_bytes")).hasContent(Long.toString(384L << 20));

        cgroup.liftMemoryLimit();

        assertThat(folder.resolve("memory.limit_in_bytes")).hasContent("-1");
        assertThat(folder.resolve("memory.memsw.limit_in_bytes")).hasContent("-1");
    }

    @Test
    void onV2TheLimitBecomesMaxAndSwapStaysOff() throws Exception {
        Files.writeString(folder.resolve("memory.max"), "");
        Files.writeString(folder.resolve("memory.swap.max"), "");
        AgentCgroup cgroup = new AgentCgroup(true, folder, null, null, Limits.parse("384Mi", null, null));
        cgroup.apply();

        cgroup.liftMemoryLimit();

        assertThat(folder.resolve("memory.max")).hasContent("max");
        assertThat(folder.resolve("memory.swap.max")).hasContent("0");
    }

    @Test
    void theKernelTakesTheLiftedLimit() throws Exception {
        Hierarchy hierarchy = Hierarchy.find(Path.of("/proc/self/mountinfo"), Path.of("/proc/self/cgroup"));
        assumeTrue(hierarchy.usable(), "no cgroup hierarchy is writable here: " + hierarchy.why());
        AgentCgroup cgroup = new Cgroups(hierarchy)
                .create("lift", Limits.parse("64Mi", null, null))
                .orElseThrow();
        try {
            String limitFile = hierarchy.v2() ? "memory.max" : "memory.limit_in_bytes";
            Path memory = cgroup.procsFiles().stream()
                    .map(Path::getParent)
                    .filter(folder -> Files.exists(folder.resolve(limitFile)))
                    .findFirst()
                    .orElseThrow();
            assertThat(AgentCgroup.number(memory, limitFile)).isEqualTo(64L << 20);

            cgroup.liftMemoryLimit();

            // v2 reads back "max" (no number); v1 the largest page-aligned value, 9223372036854771712.
            Long lifted = AgentCgroup.number(memory, limitFile);
            assertThat(lifted == null || lifted > (1L << 60))
                    .as("limit %s", lifted)
                    .isTrue();
        } finally {
            assertThat(cgroup.remove()).isTrue();
        }
    }

    @Test
    void aCgroupWithoutAMemoryLimitIsLeftAlone() throws Exception {
        AgentCgroup cgroup = new AgentCgroup(false, folder, null, null, Limits.parse(null, "0.5", null));

        cgroup.liftMemoryLimit();

        assertThat(folder.resolve("memory.limit_in_bytes")).doesNotExist();
    }
}
