package dev.runtimeservice.manager.limits;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Gives each launch with limits a cgroup of its own, under the manager's own cgroup (as systemd nests a service's
 * children): {@code <manager's cgroup>/runtime-service/<agent>-<manager pid>-<n>}. Which hierarchy is found once, at
 * start, and said in one log line: cgroup v2 where memory, cpu and pids are delegated to the manager, else the v1
 * controllers, else none, and then agents run without limits: a launch never fails for that.
 */
@Component
@Lazy // made only with the local host: not at all when agents run as pods (kubernetes.AgentHostChoice)
public class Cgroups {

    static final String ROOT = "runtime-service";
    private static final Logger log = LoggerFactory.getLogger(Cgroups.class);
    private static final List<String> CONTROLLERS = List.of("memory", "cpu", "pids");

    private final Hierarchy hierarchy;
    private final AtomicLong sequence = new AtomicLong();

    public Cgroups() {
        this(Hierarchy.find(Path.of("/proc/self/mountinfo"), Path.of("/proc/self/cgroup")));
    }

    Cgroups(Hierarchy hierarchy) {
        this.hierarchy = hierarchy;
        if (hierarchy.usable()) {
            log.info(
                    "Agent limits are enforced with cgroup {} ({})",
                    hierarchy.v2() ? "v2" : "v1",
                    hierarchy.describe());
            sweep();
        } else {
            log.warn("Agent limits cannot be enforced here ({}); agents run without limits", hierarchy.why());
        }
    }

    /** Whether limits are enforced on this machine. */
    public boolean enforced() {
        return hierarchy.usable();
    }

    /** A new cgroup for one launch of {@code agent}, with its limits written; empty where limits cannot be used. */
    public Optional<AgentCgroup> create(String agent, Limits limits) {
        if (!hierarchy.usable() || !limits.any()) {
            return Optional.empty();
        }
        String leaf = agent + "-" + ProcessHandle.current().pid() + "-" + sequence.incrementAndGet();
        Map<String, Path> folders = new HashMap<>();
        try {
            for (Map.Entry<String, Path> root : hierarchy.roots().entrySet()) {
                Path folder = root.getValue().resolve(leaf);
                Files.createDirectories(folder);
                folders.put(root.getKey(), folder);
            }
        } catch (IOException e) {
            folders.values().forEach(AgentCgroup::removeFolder);
            log.warn("Could not create a cgroup for agent {} ({}); it runs without limits", agent, e.getMessage());
            return Optional.empty();
        }
        AgentCgroup cgroup =
                new AgentCgroup(hierarchy.v2(), folders.get("memory"), folders.get("cpu"), folders.get("pids"), limits);
        cgroup.apply();
        return Optional.of(cgroup);
    }

    /** The cgroup a running agent (one an earlier manager started, too) is in; empty if it is in none of ours. */
    public Optional<AgentCgroup> of(long pid) {
        if (!hierarchy.usable()) {
            return Optional.empty();
        }
        Map<String, Path> folders = hierarchy.foldersOf(Path.of("/proc", Long.toString(pid), "cgroup"));
        if (folders.isEmpty()) {
            return Optional.empty();
        }
        Path memory = folders.get("memory");
        Path cpu = folders.get("cpu");
        Long memoryBytes = memory == null
                ? null
                : AgentCgroup.number(memory, hierarchy.v2() ? "memory.max" : "memory.limit_in_bytes");
        Limits limits = new Limits(
                memoryBytes == null ? null : Sizes.text(memoryBytes),
                memoryBytes,
                cpu == null ? null : hierarchy.cores(cpu),
                folders.get("pids") == null
                        ? null
                        : Optional.ofNullable(AgentCgroup.number(folders.get("pids"), "pids.max"))
                                .map(Long::intValue)
                                .orElse(null));
        return Optional.of(new AgentCgroup(hierarchy.v2(), memory, cpu, folders.get("pids"), limits));
    }

    /** Removes the empty cgroups of launches that ended while no manager watched them. */
    private void sweep() {
        for (Path root : hierarchy.roots().values()) {
            try (Stream<Path> leaves = Files.list(root)) {
                leaves.filter(Files::isDirectory).filter(Cgroups::empty).forEach(AgentCgroup::removeFolder);
            } catch (IOException e) {
                log.debug("Could not list {}: {}", root, e.getMessage());
            }
        }
    }

    private static boolean empty(Path folder) {
        try {
            return Files.readString(folder.resolve("cgroup.procs"), StandardCharsets.US_ASCII)
                    .isBlank();
        } catch (IOException e) {
            return false;
        }
    }
}
