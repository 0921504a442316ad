package dev.runtimeservice.manager.limits;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cgroup of one launch: one folder in the v2 hierarchy, or one folder per controller (memory, cpu, pids) in v1.
 * Its whole process tree is in it, so the kernel counts and limits the tree as one, whatever it forks.
 */
public final class AgentCgroup {

    private static final Logger log = LoggerFactory.getLogger(AgentCgroup.class);
    private static final int KILL_ROUNDS = 50;

    private final boolean v2;
    private final @Nullable Path memory;
    private final @Nullable Path cpu;
    private final @Nullable Path pids;
    private final Limits limits;

    AgentCgroup(boolean v2, @Nullable Path memory, @Nullable Path cpu, @Nullable Path pids, Limits limits) {
        this.v2 = v2;
        this.memory = memory;
        this.cpu = cpu;
        this.pids = pids;
        this.limits = limits;
    }

    /** The limits it was made with, or read back from the kernel for one an earlier manager made. */
    public Limits limits() {
        return limits;
    }

    /** The {@code cgroup.procs} files a process writes its own pid to, to join this cgroup before it execs. */
    public List<Path> procsFiles() {
        return folders().stream().map(folder -> folder.resolve("cgroup.procs")).toList();
    }

    /** Writes the limits; a controller that refuses its limit is reported, the others still apply. */
    void apply() {
        if (memory != null && limits.memoryBytes() != null) {
            write(memory, v2 ? "memory.max" : "memory.limit_in_bytes", Long.toString(limits.memoryBytes()));
            // No swap as a way around the limit: where swap exists, the limit holds for memory and swap together.
            if (v2) {
                writeIfPresent(memory, "memory.swap.max", "0");
            } else {
                writeIfPresent(memory, "memory.memsw.limit_in_bytes", Long.toString(limits.memoryBytes()));
            }
        }
        if (cpu != null && limits.cpu() != null) {
            long period = 100_000;
            long quota = Math.max(1_000, Math.round(limits.cpu() * period));
            if (v2) {
                write(cpu, "cpu.max", quota + " " + period);
            } else {
                write(cpu, "cpu.cfs_period_us", Long.toString(period));
                write(cpu, "cpu.cfs_quota_us", Long.toString(quota));
            }
        }
        if (pids != null && limits.pids() != null) {
            write(pids, "pids.max", Integer.toString(limits.pids()));
        }
    }

    /**
     * Lifts the memory limit, for a process whose work at exit its limit was not sized for: a JVM that writes its
     * class archive as it exits (on Java 25, a second JVM writes the AOT cache, about as large as the agent again;
     * vfs's 384Mi cgroup then spent minutes reclaiming until it was killed). Swap stays as it was. Returns the
     * limit lifted, as agent.yml writes it; empty when the cgroup had none.
     */
    public Optional<String> liftMemoryLimit() {
        if (memory == null || limits.memoryBytes() == null) {
            return Optional.empty();
        }
        if (v2) {
            write(memory, "memory.max", "max");
        } else {
            // v1 keeps memory and swap together at least as high as memory alone, so that one is raised first.
            writeIfPresent(memory, "memory.memsw.limit_in_bytes", "-1");
            write(memory, "memory.limit_in_bytes", "-1");
        }
        return Optional.of(limits.memoryText());
    }

    /** How many processes of this cgroup the kernel killed for going over the memory limit. */
    public long oomKills() {
        if (memory == null) {
            return 0;
        }
        return keyed(memory, v2 ? "memory.events" : "memory.oom_control", "oom_kill");
    }

    /** Whether the kernel killed one of its processes for the memory limit: {@code out of memory (limit 256Mi)}. */
    public Optional<String> outOfMemory() {
        return oomKills() > 0 ? Optional.of("out of memory (limit " + limits.memoryText() + ")") : Optional.empty();
    }

    /** What the agent's tree uses now against its limits. */
    public LimitUse use() {
        Long memoryBytes = memory == null ? null : number(memory, v2 ? "memory.current" : "memory.usage_in_bytes");
        Long throttled = null;
        Long throttledMillis = null;
        if (cpu != null) {
            throttled = keyed(cpu, "cpu.stat", "nr_throttled");
            throttledMillis = v2
                    ? keyed(cpu, "cpu.stat", "throttled_usec") / 1000
                    : keyed(cpu, "cpu.stat", "throttled_time") / 1_000_000;
        }
        Long processes = pids == null ? null : number(pids, "pids.current");
        return new LimitUse(memoryBytes, oomKills(), throttled, throttledMillis, processes);
    }

    /** Every process in it now: the agent's tree, and whatever left that tree (a double fork) but not the cgroup. */
    public Set<Long> members() {
        Set<Long> members = new LinkedHashSet<>();
        for (Path procs : procsFiles()) {
            try {
                for (String line : Files.readAllLines(procs, StandardCharsets.US_ASCII)) {
                    if (!line.isBlank()) {
                        members.add(Long.parseLong(line.strip()));
                    }
                }
            } catch (IOException | NumberFormatException e) {
                // A folder already removed has no members.
            }
        }
        return members;
    }

    /** Kills every process in it with SIGKILL, again while a fork bomb still forks, up to its pids limit. */
    public void killAll() {
        for (int round = 0; round < KILL_ROUNDS; round++) {
            Set<Long> members = members();
            members.remove(ProcessHandle.current().pid());
            if (members.isEmpty()) {
                return;
            }
            members.forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
            pause(10);
        }
        log.warn("Processes still left in cgroup {} after {} rounds of SIGKILL", folders(), KILL_ROUNDS);
    }

    /** Removes its folders once its processes are gone; the kernel refuses while a process (or zombie) is left. */
    public boolean remove() {
        boolean removed = true;
        for (Path folder : folders()) {
            removed &= removeFolder(folder);
        }
        return removed;
    }

    static boolean removeFolder(Path folder) {
        for (int attempt = 0; attempt < 50; attempt++) {
            try {
                Files.deleteIfExists(folder);
                return true;
            } catch (IOException e) {
                pause(20);
            }
        }
        log.warn("Could not remove cgroup {}: processes are still in it", folder);
        return false;
    }

    private List<Path> folders() {
        List<Path> folders = new ArrayList<>();
        for (Path folder : new Path[] {memory, cpu, pids}) {
            if (folder != null && !folders.contains(folder)) {
                folders.add(folder);
            }
        }
        return folders;
    }

    private static void write(Path folder, String file, String value) {
        try {
            Files.writeString(folder.resolve(file), value);
        } catch (IOException e) {
            log.warn(
                    "Could not set {} to {} in cgroup {} ({}); that limit does not apply",
                    file,
                    value,
                    folder,
                    e.getMessage());
        }
    }

    private static void writeIfPresent(Path folder, String file, String value) {
        if (Files.exists(folder.resolve(file))) {
            write(folder, file, value);
        }
    }

    static @Nullable Long number(Path folder, String file) {
        try {
            String text = Files.readString(folder.resolve(file), StandardCharsets.US_ASCII)
                    .strip();
            return "max".equals(text) ? null : Long.parseLong(text);
        } catch (IOException | NumberFormatException e) {
            return null;
        }
    }

    /** A value of a flat keyed file ({@code key value} lines), 0 if absent. */
    static long keyed(Path folder, String file, String key) {
        try {
            for (String line : Files.readAllLines(folder.resolve(file), StandardCharsets.US_ASCII)) {
                String[] parts = line.strip().split("\\s+");
                if (parts.length == 2 && parts[0].equals(key)) {
                    return Long.parseLong(parts[1]);
                }
            }
        } catch (NoSuchFileException e) {
            return 0;
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
        return 0;
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return folders().toString();
    }
}
