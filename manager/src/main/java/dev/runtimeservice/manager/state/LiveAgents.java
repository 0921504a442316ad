package dev.runtimeservice.manager.state;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Finds the agent processes that managers using this state directory started and that still run, from the Linux
 * process table: an agent's standard output is its launch's FIFO in the state directory ({@link
 * StateProperties#outputOf}), and its environment holds its name, launch id, token and port. A process that
 * merely reuses an old pid has neither. Where {@code /proc} does not exist, nothing is found.
 */
@Component
public class LiveAgents {

    private static final Path PROC = Path.of("/proc");
    private final StateProperties properties;
    private final Path folder;

    /** Looks for agents only once this manager holds the folder: another manager's agents are never its own. */
    public LiveAgents(StateProperties properties, StateFolderLock lock) {
        this.properties = properties;
        this.folder = lock.folder();
    }

    /**
     * An agent process as the process table shows it.
     *
     * @param start when the process started, as the kernel reports it
     * @param token the launch token from its environment
     */
    public record LiveAgent(long pid, Instant start, String name, String id, String token, int port) {}

    public static boolean supported() {
        return Files.isDirectory(PROC.resolve("self/fd"));
    }

    /** Every live agent process of this state directory (children the agents started are left out). */
    public List<LiveAgent> find() {
        if (!supported()) {
            return List.of();
        }
        List<LiveAgent> found = new ArrayList<>();
        try (DirectoryStream<Path> processes = Files.newDirectoryStream(
                PROC, entry -> isPid(entry.getFileName().toString()))) {
            for (Path process : processes) {
                read(Long.parseLong(process.getFileName().toString())).ifPresent(found::add);
            }
        } catch (IOException e) {
            return List.of();
        }
        return withoutDescendants(found);
    }

    /** The process as an agent of this state directory, if it is one. */
    public Optional<LiveAgent> read(long pid) {
        Path proc = PROC.resolve(Long.toString(pid));
        try {
            Path output = Files.readSymbolicLink(proc.resolve("fd/1"));
            if (!folder.equals(output.getParent())) {
                return Optional.empty();
            }
            Map<String, String> env = environment(Files.readAllBytes(proc.resolve("environ")));
            String name = env.get("AGENT_NAME");
            String id = env.get("AGENT_ID");
            String token = env.get("AGENT_TOKEN");
            String port = env.get("AGENT_PORT");
            Optional<Instant> start =
                    ProcessHandle.of(pid).flatMap(handle -> handle.info().startInstant());
            if (name == null
                    || id == null
                    || token == null
                    || port == null
                    || start.isEmpty()
                    || !output.equals(properties.outputOf(name, id))) {
                return Optional.empty();
            }
            return Optional.of(new LiveAgent(pid, start.get(), name, id, token, Integer.parseInt(port)));
        } catch (IOException | RuntimeException e) {
            // Gone meanwhile, another user's process, or not an agent: none of them is ours to take over.
            return Optional.empty();
        }
    }

    /** Children of an agent inherit its output and environment; the agent is the one whose parent is not among them. */
    private static List<LiveAgent> withoutDescendants(List<LiveAgent> found) {
        Set<Long> pids = found.stream().map(LiveAgent::pid).collect(Collectors.toSet());
        return found.stream()
                .filter(agent -> ProcessHandle.of(agent.pid())
                        .flatMap(ProcessHandle::parent)
                        .map(parent -> !pids.contains(parent.pid()))
                        .orElse(true))
                .toList();
    }

    private static Map<String, String> environment(byte[] environ) {
        Map<String, String> env = new HashMap<>();
        for (String entry : new String(environ, StandardCharsets.UTF_8).split("\0")) {
            int equals = entry.indexOf('=');
            if (equals > 0) {
                env.put(entry.substring(0, equals), entry.substring(equals + 1));
            }
        }
        return env;
    }

    private static boolean isPid(String name) {
        return !name.isEmpty() && name.chars().allMatch(Character::isDigit);
    }
}
