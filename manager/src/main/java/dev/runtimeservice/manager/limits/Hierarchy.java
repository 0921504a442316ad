package dev.runtimeservice.manager.limits;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Which cgroup hierarchy the manager can put agents in, found from {@code /proc/self/mountinfo} and {@code
 * /proc/self/cgroup}.
 *
 * @param v2 whether it is the unified (v2) hierarchy
 * @param roots per controller (memory, cpu, pids), the folder agents' cgroups are made in; one folder for all in v2
 * @param mounts per usable controller, where its hierarchy is mounted
 * @param why when no controller can be used, why not
 */
record Hierarchy(boolean v2, Map<String, Path> roots, Map<String, String> mounts, String why) {

    private static final List<String> CONTROLLERS = List.of("memory", "cpu", "pids");

    boolean usable() {
        return !roots.isEmpty();
    }

    String describe() {
        List<String> missing =
                CONTROLLERS.stream().filter(c -> !roots.containsKey(c)).toList();
        return roots.values().stream().distinct().toList()
                + (missing.isEmpty() ? "" : "; not usable, so not limited: " + missing + " (" + why + ")");
    }

    /** Finds the hierarchy, making the manager's {@code runtime-service} folder in it. */
    static Hierarchy find(Path mountinfo, Path selfCgroup) {
        List<String[]> mounts;
        List<String> memberships;
        try {
            mounts = Files.readAllLines(mountinfo, StandardCharsets.UTF_8).stream()
                    .map(Hierarchy::mount)
                    .toList();
            memberships = Files.readAllLines(selfCgroup, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return new Hierarchy(false, Map.of(), Map.of(), "no /proc to read cgroups from: " + e.getMessage());
        }
        StringBuilder why = new StringBuilder();
        Optional<Hierarchy> unified = unified(mounts, memberships, why);
        return unified.orElseGet(() -> legacy(mounts, memberships, why));
    }

    /** {mount point, file system type, super options} of one mountinfo line. */
    private static String[] mount(String line) {
        String[] fields = line.split(" ");
        int dash = Arrays.asList(fields).indexOf("-");
        if (dash < 0 || fields.length < dash + 4) {
            return new String[] {"", "", ""};
        }
        return new String[] {fields[4], fields[dash + 1], fields[dash + 3]};
    }

    private static Optional<Hierarchy> unified(List<String[]> mounts, List<String> memberships, StringBuilder why) {
        Optional<String> mount = mounts.stream()
                .filter(m -> m[1].equals("cgroup2"))
                .map(m -> m[0])
                .findFirst();
        Optional<String> own = memberships.stream()
                .filter(line -> line.startsWith("0::"))
                .map(l -> l.substring(3))
                .findFirst();
        if (mount.isEmpty() || own.isEmpty()) {
            why.append("no cgroup v2 hierarchy");
            return Optional.empty();
        }
        Path folder = Path.of(mount.get() + own.get());
        List<String> available;
        try {
            available = List.of(Files.readString(folder.resolve("cgroup.controllers"))
                    .strip()
                    .split("\\s+"));
        } catch (IOException e) {
            why.append("cgroup v2 at ").append(folder).append(" is not readable");
            return Optional.empty();
        }
        if (!available.containsAll(CONTROLLERS)) {
            why.append("cgroup v2 at ")
                    .append(folder)
                    .append(" delegates only ")
                    .append(available);
            return Optional.empty();
        }
        Path root = folder.resolve(Cgroups.ROOT);
        try {
            Files.writeString(folder.resolve("cgroup.subtree_control"), "+memory +cpu +pids");
            Files.createDirectories(root);
            if (!Files.isWritable(root)) {
                throw new IOException(root + " is not writable");
            }
            Files.writeString(root.resolve("cgroup.subtree_control"), "+memory +cpu +pids");
        } catch (IOException e) {
            // A non-root v2 cgroup that holds processes (the manager) cannot hand controllers to children.
            why.append("cgroup v2 at ")
                    .append(folder)
                    .append(" cannot enable memory, cpu and pids for children (")
                    .append(e.getMessage())
                    .append(")");
            AgentCgroup.removeFolder(root);
            return Optional.empty();
        }
        Map<String, Path> roots = new LinkedHashMap<>();
        Map<String, String> mountOf = new LinkedHashMap<>();
        CONTROLLERS.forEach(controller -> roots.put(controller, root));
        CONTROLLERS.forEach(controller -> mountOf.put(controller, mount.get()));
        return Optional.of(new Hierarchy(true, roots, mountOf, ""));
    }

    private static Hierarchy legacy(List<String[]> mounts, List<String> memberships, StringBuilder why) {
        Map<String, Path> roots = new LinkedHashMap<>();
        Map<String, String> mountOf = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (String controller : CONTROLLERS) {
            Optional<String> mount = mounts.stream()
                    .filter(m -> m[1].equals("cgroup")
                            && Arrays.asList(m[2].split(",")).contains(controller))
                    .map(m -> m[0])
                    .findFirst();
            Optional<String> own = memberships.stream()
                    .map(line -> line.split(":", 3))
                    .filter(f -> f.length == 3)
                    .filter(f -> Arrays.asList(f[1].split(",")).contains(controller))
                    .map(f -> f[2])
                    .findFirst();
            if (mount.isEmpty() || own.isEmpty()) {
                problems.add(controller + ": not mounted");
                continue;
            }
            Path root = Path.of(mount.get() + own.get()).resolve(Cgroups.ROOT);
            try {
                Files.createDirectories(root);
                // A root manager made it earlier: it is there, but a manager that is not root cannot make cgroups in
                // it, and would else say limits are enforced, then warn at every launch.
                if (!Files.isWritable(root)) {
                    throw new IOException("permission denied");
                }
                roots.put(controller, root);
                mountOf.put(controller, mount.get());
            } catch (IOException e) {
                problems.add(controller + ": " + root + " not writable (" + e.getMessage() + ")");
            }
        }
        return new Hierarchy(
                false, roots, mountOf, why + "; v1: " + (problems.isEmpty() ? "ok" : String.join(", ", problems)));
    }

    /** Per controller, the folder of the agent cgroup a process's {@code /proc/<pid>/cgroup} names, if ours. */
    Map<String, Path> foldersOf(Path procCgroup) {
        Map<String, Path> folders = new LinkedHashMap<>();
        List<String> lines;
        try {
            lines = Files.readAllLines(procCgroup, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return folders;
        }
        for (String line : lines) {
            String[] fields = line.split(":", 3);
            if (fields.length < 3 || !fields[2].contains("/" + Cgroups.ROOT + "/")) {
                continue;
            }
            for (String controller : roots.keySet()) {
                boolean matches = v2
                        ? fields[1].isEmpty()
                        : Arrays.asList(fields[1].split(",")).contains(controller);
                if (matches) {
                    folders.put(controller, Path.of(mounts.get(controller) + fields[2]));
                }
            }
        }
        folders.values().removeIf(folder -> !Files.isDirectory(folder));
        return folders;
    }

    /** The CPU limit of a cgroup, in cores, or null if it has none. */
    @Nullable
    Double cores(Path cpu) {
        try {
            if (v2) {
                String[] max = Files.readString(cpu.resolve("cpu.max")).strip().split(" ");
                return max[0].equals("max") ? null : Double.parseDouble(max[0]) / Double.parseDouble(max[1]);
            }
            Long quota = AgentCgroup.number(cpu, "cpu.cfs_quota_us");
            Long period = AgentCgroup.number(cpu, "cpu.cfs_period_us");
            return quota == null || period == null || quota < 0 ? null : (double) quota / period;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
