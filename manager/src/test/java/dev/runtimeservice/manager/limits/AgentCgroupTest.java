package dev.runtimeservice.manager.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a cgroup's files say after its memory limit is lifted for a JVM that records its class archive as it stops,
 * written into copies of the kernel's files (the kernel's own answer to them is checked by hand on v1, and by
 * {@code LimitsIT} for the limits themselves).
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
    void aCgroupWithoutAMemoryLimitIsLeftAlone() throws Exception {
        AgentCgroup cgroup = new AgentCgroup(false, folder, null, null, Limits.parse(null, "0.5", null));

        cgroup.liftMemoryLimit();

        assertThat(folder.resolve("memory.limit_in_bytes")).doesNotExist();
    }
}
