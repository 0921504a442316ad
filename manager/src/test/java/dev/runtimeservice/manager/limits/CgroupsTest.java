package dev.runtimeservice.manager.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the manager finds which cgroups it may use, from copies of {@code /proc} files. */
class CgroupsTest {

    @TempDir
    Path folder;

    @Test
    void withoutAnyUsableHierarchyAgentsRunWithoutLimitsAndNoLaunchFails() {
        Cgroups none = new Cgroups(new Hierarchy(false, Map.of(), Map.of(), "not root"));
        assertThat(none.enforced()).isFalse();
        assertThat(none.create("vfs", Limits.parse("64Mi", "0.5", 32))).isEmpty();
        assertThat(none.of(ProcessHandle.current().pid())).isEmpty();
    }

    @Test
    void v1ControllersAreUsedUnderTheManagersOwnCgroupWhenV2DelegatesNone() throws Exception {
        Path v1 = Files.createDirectories(folder.resolve("memory/process_api/x"));
        Path v2 = Files.createDirectories(folder.resolve("unified"));
        Files.writeString(v2.resolve("cgroup.controllers"), "hugetlb\n");
        Path mountinfo = Files.writeString(
                folder.resolve("mountinfo"),
                String.join(
                        "\n",
                        "30 25 0:26 / " + folder.resolve("memory") + " rw,relatime shared:9 - cgroup cgroup rw,memory",
                        "31 25 0:27 / " + v2 + " rw,relatime shared:10 - cgroup2 cgroup2 rw",
                        ""));
        Path self = Files.writeString(folder.resolve("cgroup"), "4:memory:/process_api/x\n0::/\n");

        Hierarchy found = Hierarchy.find(mountinfo, self);

        assertThat(found.v2()).isFalse();
        assertThat(found.roots()).containsOnlyKeys("memory").containsEntry("memory", v1.resolve("runtime-service"));
        assertThat(found.why()).contains("delegates only [hugetlb]").contains("cpu: not mounted");
        assertThat(v1.resolve("runtime-service")).isDirectory();
    }

    @Test
    void sizesAreShownAsAgentYmlWritesThem() {
        assertThat(Sizes.text(256L << 20)).isEqualTo("256Mi");
        assertThat(Sizes.text(3L << 30)).isEqualTo("3Gi");
        assertThat(Sizes.text(1000)).isEqualTo("1000");
    }
}
