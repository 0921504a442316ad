package dev.runtimeservice.manager.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.runtimeservice.manager.process.LaunchPlan;
import dev.runtimeservice.manager.process.ProcessStarter;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The cgroup v2 path for real: the kernel enforces the limits written to {@code memory.max}, {@code cpu.max} and
 * {@code pids.max}, and counts the OOM kill in {@code memory.events}, on real processes that join their cgroup as
 * agents do (the {@code /bin/sh} join of {@link ProcessStarter}). Runs only where the process's own cgroup has
 * memory, cpu and pids on the unified hierarchy: skipped on this project's build machine, whose v2 hierarchy offers
 * only hugetlb (the v1 path is checked there by {@code LimitsIT}); {@code bench/cgroup-v2/run.sh} runs it in a
 * virtual machine whose only hierarchy is v2.
 */
class CgroupsV2Test {

    private static Cgroups cgroups;

    @BeforeAll
    static void findTheV2Hierarchy() throws IOException {
        assumeTrue(v2Delegated(), "memory, cpu and pids are not on a cgroup v2 hierarchy here");
        Hierarchy hierarchy = Hierarchy.find(Path.of("/proc/self/mountinfo"), Path.of("/proc/self/cgroup"));
        assumeTrue(hierarchy.usable() && hierarchy.v2(), "cgroup v2 is not writable here: " + hierarchy.why());
        cgroups = new Cgroups(hierarchy);
    }

    @Test
    void overItsMemoryMaxTheKernelKillsItAndMemoryEventsSaysOutOfMemory() throws Exception {
        AgentCgroup cgroup =
                cgroups.create("v2-hog", Limits.parse("32Mi", null, null)).orElseThrow();
        assertThat(read(cgroup, "memory.max")).isEqualTo(Long.toString(32L << 20));

        // 128 MiB of characters, written, so every page is charged.
        Run run = run(cgroup, "x = 'a' * (128 << 20); print('not killed', len(x))");

        assertThat(run.exitCode()).as(run.output()).isEqualTo(137);
        assertThat(run.output()).doesNotContain("not killed");
        assertThat(cgroup.oomKills()).isPositive();
        assertThat(cgroup.outOfMemory()).contains("out of memory (limit 32Mi)");
        assertThat(cgroup.remove()).isTrue();
    }

    @Test
    void aSpinnerIsHeldToItsCpuMaxAndCpuStatCountsTheThrottling() throws Exception {
        AgentCgroup cgroup =
                cgroups.create("v2-spinner", Limits.parse(null, "0.2", null)).orElseThrow();
        assertThat(read(cgroup, "cpu.max")).isEqualTo("20000 100000");

        // Spins for 2 s of wall time and prints the CPU seconds it got meanwhile (its start-up not counted).
        Run run = run(
                cgroup,
                "import time\nstart = time.process_time()\nend = time.time() + 2\nwhile time.time() < end: pass\n"
                        + "print(time.process_time() - start)");

        double cores = Double.parseDouble(run.output().strip()) / 2;
        System.out.printf("cgroup v2 spinner with cpu 0.2 used %.3f cores over 2 s%n", cores);
        assertThat(cores).isBetween(0.05, 0.3);
        LimitUse use = cgroup.use();
        assertThat(use.cpuThrottled()).isPositive();
        assertThat(use.cpuThrottledMillis()).isPositive();
        assertThat(cgroup.remove()).isTrue();
    }

    @Test
    void forksPastPidsMaxAreRefusedAndTheLimitsReadBackFromTheKernel() throws Exception {
        AgentCgroup cgroup =
                cgroups.create("v2-forker", Limits.parse("64Mi", "0.5", 16)).orElseThrow();
        assertThat(read(cgroup, "pids.max")).isEqualTo("16");
        String forker = String.join(
                "\n",
                "import os, sys, time",
                "made, refused = 0, ''",
                "for _ in range(40):",
                "    try:",
                "        if os.fork() == 0:",
                "            time.sleep(30); os._exit(0)",
                "        made += 1",
                "    except OSError as e:",
                "        refused = e.strerror; break",
                "print(made, refused, flush=True)",
                "time.sleep(30)");
        Process process = start(cgroup, forker);
        // One line, read as it comes: the children keep the pipe open while they sleep.
        String line = String.valueOf(
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)).readLine());

        // 16 processes in all, the forker one of them; without the limit it would make 40.
        assertThat(Integer.parseInt(line.split(" ")[0])).as(line).isBetween(8, 15);
        assertThat(line).contains("Resource temporarily unavailable");
        assertThat(cgroup.use().pids()).isBetween(9L, 16L);
        Limits readBack = cgroups.of(process.pid()).orElseThrow().limits();
        assertThat(readBack.memory()).isEqualTo("64Mi");
        assertThat(readBack.cpu()).isEqualTo(0.5);
        assertThat(readBack.pids()).isEqualTo(16);

        cgroup.killAll();
        assertThat(cgroup.members()).isEmpty();
        assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(cgroup.remove()).isTrue();
    }

    /** Whether this process's cgroup is on a v2 hierarchy with memory, cpu and pids: only reads, changes nothing. */
    private static boolean v2Delegated() throws IOException {
        List<String> mounts = Files.readAllLines(Path.of("/proc/self/mountinfo"));
        String mount = mounts.stream()
                .filter(line -> line.contains(" - cgroup2 "))
                .map(line -> line.split(" ")[4])
                .findFirst()
                .orElse(null);
        String own = Files.readAllLines(Path.of("/proc/self/cgroup")).stream()
                .filter(line -> line.startsWith("0::"))
                .map(line -> line.substring(3))
                .findFirst()
                .orElse(null);
        if (mount == null || own == null) {
            return false;
        }
        Path controllers = Path.of(mount + own, "cgroup.controllers");
        return Files.isReadable(controllers)
                && List.of(Files.readString(controllers).strip().split("\\s+"))
                        .containsAll(List.of("memory", "cpu", "pids"));
    }

    private static String read(AgentCgroup cgroup, String file) throws IOException {
        return Files.readString(cgroup.procsFiles().get(0).resolveSibling(file)).strip();
    }

    private record Run(int exitCode, String output) {}

    private static Run run(AgentCgroup cgroup, String python) throws Exception {
        Process process = start(cgroup, python);
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), output);
    }

    private static Process start(AgentCgroup cgroup, String python) throws IOException {
        return ProcessStarter.operatingSystem()
                .start(new LaunchPlan(
                        "v2-test",
                        List.of("python3", "-c", python),
                        Path.of(".").toAbsolutePath(),
                        Map.of(),
                        null,
                        cgroup.limits(),
                        cgroup.procsFiles(),
                        null));
    }
}
