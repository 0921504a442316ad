package dev.runtimeservice.manager.faststart;

import dev.runtimeservice.manager.process.JavaExecutable;
import dev.runtimeservice.manager.process.LaunchPlan;
import dev.runtimeservice.manager.process.ProcessStarter;
import dev.runtimeservice.manager.storage.Folders;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Makes jar agents start faster: their jar is extracted once (Spring Boot's {@code jarmode=tools}), and their
 * first run that ends cleanly records a class archive that later runs map at start: a dynamic class data sharing
 * archive ({@code -XX:ArchiveClassesAtExit}, {@code -XX:SharedArchiveFile}) before Java 25, the AOT cache
 * ({@code -XX:AOTCacheOutput}, {@code -XX:AOTCache}) from Java 25 on (see {@link ArchiveKind}). Everything is kept per jar content, JDK and JVM
 * options, so an archive never meets a jar or JDK it was not made for; one the JVM still refuses is deleted
 * and made again.
 */
@Component
public class FastStartCache {

    private static final Logger log = LoggerFactory.getLogger(FastStartCache.class);
    /** The file of an entry that names the jar it was made from and that jar's SHA-256, one per line. */
    static final String SOURCE = "source";

    private final ArchiveKind kind = ArchiveKind.forThisJdk();

    private final FastStartProperties properties;
    private final ProcessStarter starter = ProcessStarter.operatingSystem();
    private final JarDigests jarDigests = new JarDigests();
    private final Map<Path, Object> extractions = new ConcurrentHashMap<>();
    private final Set<Path> recording = ConcurrentHashMap.newKeySet();

    public FastStartCache(FastStartProperties properties) {
        this.properties = properties;
    }

    /**
     * How to run {@code jar} fast: the JVM options and the jar to run. Extracts the jar the first time, which
     * takes a second or two; returns empty when fast start is off or the jar cannot be extracted.
     */
    public Optional<FastStart> prepare(String agent, Path jar, List<String> jvmArgs, String launchId) {
        if (!properties.enabled()) {
            return Optional.empty();
        }
        Path entry = entry(jar, jvmArgs);
        Optional<Path> extracted = extracted(agent, jar, entry.resolve("ext"));
        if (extracted.isEmpty()) {
            return Optional.empty();
        }
        Path archive = entry.resolve(kind.fileName());
        List<String> options = new ArrayList<>(jvmArgs);
        if (Files.isRegularFile(archive)) {
            options.add(kind.useOption() + archive);
            options.addAll(kind.fallback());
            return Optional.of(new FastStart(options, extracted.get(), archive, null));
        }
        if (!recording.add(archive)) {
            // One training run per archive: fifty copies of a jar launched at once would each record (and write
            // 50 MB as they stop) the same archive. The others start from the extracted jar alone.
            return Optional.of(new FastStart(options, extracted.get(), null, null));
        }
        Path training = entry.resolve(kind.fileName() + "." + launchId + ".tmp");
        options.add(kind.recordOption() + training);
        log.info(
                "No class archive yet for {} on this JDK ({}) with these JVM options: {} starts the slow way and "
                        + "records one when it stops cleanly",
                jar.getFileName(),
                Runtime.version(),
                agent);
        return Optional.of(new FastStart(options, extracted.get(), archive, training));
    }

    /** Whether jar agents start from the cache ({@code runtime.fast-start.enabled}). */
    public boolean enabled() {
        return properties.enabled();
    }

    /** The archive that launches of {@code jar} with these JVM options map at start, if one is recorded. */
    public Optional<Path> archive(Path jar, List<String> jvmArgs) {
        Path archive = entry(jar, jvmArgs).resolve(kind.fileName());
        return properties.enabled() && Files.isRegularFile(archive) ? Optional.of(archive) : Optional.empty();
    }

    /**
     * The fast start of a process that an earlier manager launched, read back from its arguments, so that the
     * archive a training run writes at exit is still kept; empty if the process is not a training run.
     */
    public Optional<FastStart> recover(List<String> arguments) {
        int jar = arguments.indexOf("-jar");
        Optional<FastStart> recovered = arguments.stream()
                .filter(argument -> argument.startsWith(kind.recordOption()))
                .map(argument -> Path.of(argument.substring(kind.recordOption().length())))
                .filter(training -> training.getFileName().toString().startsWith(kind.fileName() + "."))
                .filter(training -> jar >= 0 && jar + 1 < arguments.size())
                .map(training -> new FastStart(
                        arguments.subList(0, jar),
                        Path.of(arguments.get(jar + 1)),
                        training.resolveSibling(kind.fileName()),
                        training))
                .findFirst();
        recovered.ifPresent(start -> recording.add(start.archive()));
        return recovered;
    }

    /** Keeps the archive a training run wrote on a clean exit; a run killed half-way leaves nothing behind. */
    public void afterExit(FastStart start, boolean cleanExit) {
        Path training = start.training();
        if (training == null || start.archive() == null) {
            return;
        }
        recording.remove(start.archive());
        try {
            if (cleanExit && Files.size(training) > 0) {
                Files.move(
                        training, start.archive(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                log.info(
                        "Recorded a class data sharing archive for {} ({} MB)",
                        start.jar().getFileName(),
                        Files.size(start.archive()) / 1_000_000);
            }
        } catch (IOException e) {
            log.debug("No archive recorded: {}", e.getMessage());
        } finally {
            deleteQuietly(training);
        }
    }

    /**
     * Deletes an archive the JVM refused, so the next clean run records a new one, and says so in the log. The
     * JVM falls back to the slow path silently (a damaged header gives no warning at all), so the check is
     * whether the archive is mapped into the agent's memory ({@code /proc/<pid>/maps}, Linux only).
     */
    public void checkUsed(String agent, FastStart start, long pid) {
        Path maps = Path.of("/proc", Long.toString(pid), "maps");
        if (start.archive() == null || start.training() != null || !Files.isReadable(maps)) {
            return;
        }
        boolean mapped;
        try (Stream<String> lines = Files.lines(maps)) {
            mapped = lines.anyMatch(line -> line.endsWith(start.archive().toString()));
        } catch (IOException | UncheckedIOException e) {
            return;
        }
        if (!mapped) {
            log.warn(
                    "Agent {} could not use its class data sharing archive {}; it started the slow way; the archive "
                            + "is deleted and its next launch records a new one",
                    agent,
                    start.archive());
            deleteQuietly(start.archive());
        }
    }

    private Optional<Path> extracted(String agent, Path jar, Path destination) {
        // Agents made from one jar share the extraction, so the first of them extracts it while the others wait.
        synchronized (extractions.computeIfAbsent(destination, key -> new Object())) {
            if (!Files.isDirectory(destination)) {
                extract(agent, jar, destination);
            }
        }
        try (Stream<Path> files = Files.list(destination)) {
            return files.filter(file -> file.toString().endsWith(".jar")).findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private void extract(String agent, Path jar, Path destination) {
        Path temporary =
                destination.resolveSibling("ext-" + ProcessHandle.current().pid() + "-" + System.nanoTime());
        try {
            Files.createDirectories(temporary.getParent());
            Process process = starter.start(new LaunchPlan(
                    agent,
                    List.of(
                            JavaExecutable.path(),
                            "-Djarmode=tools",
                            "-jar",
                            jar.toString(),
                            "extract",
                            "--destination",
                            temporary.toString()),
                    temporary.getParent(),
                    Map.of()));
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
                process.destroyForcibly();
                log.warn(
                        "Could not extract {} for a fast start of {}; it starts from the jar: {}",
                        jar,
                        agent,
                        output.strip());
                return;
            }
            Files.move(temporary, destination, StandardCopyOption.ATOMIC_MOVE);
            log.info("Extracted {} for a fast start of {}", jar.getFileName(), agent);
            nameSource(jar, destination.getParent());
        } catch (IOException e) {
            log.warn("Could not extract {} for a fast start of {}: {}", jar, agent, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Writes which jar an entry was made from, then deletes the entries of that jar's earlier builds. */
    private void nameSource(Path jar, Path entry) {
        String digest = HexFormat.of().formatHex(jarDigests.of(jar));
        try {
            Files.writeString(entry.resolve(SOURCE), jar.toAbsolutePath().normalize() + "\n" + digest + "\n");
        } catch (IOException e) {
            log.warn("Could not write {}: {}", entry.resolve(SOURCE), e.getMessage());
            return;
        }
        deleteEarlierBuilds(jar, digest, entry);
    }

    /**
     * Deletes the cache entries of earlier builds of {@code jar} (the same file with other content) that no
     * running process uses: each rebuild of an agent would otherwise leave 100-200 MB behind. Entries of the same
     * content with another JDK or other JVM options stay, as do entries written before entries named their jar.
     */
    void deleteEarlierBuilds(Path jar, String digest, Path current) {
        String path = jar.toAbsolutePath().normalize().toString();
        List<Path> superseded;
        try (Stream<Path> entries = Files.list(current.getParent())) {
            superseded = entries.filter(entry -> !entry.equals(current))
                    .filter(entry -> source(entry)
                            .filter(lines -> lines.size() >= 2
                                    && lines.get(0).equals(path)
                                    && !lines.get(1).equals(digest))
                            .isPresent())
                    .toList();
        } catch (IOException e) {
            return;
        }
        for (Path entry : superseded) {
            if (inUse(entry)) {
                log.debug("Keeping {}: a running process uses it", entry);
                continue;
            }
            try {
                Folders.delete(entry);
                log.info("Deleted {}, the fast-start cache entry of an earlier build of {}", entry, jar.getFileName());
            } catch (IOException e) {
                log.warn(
                        "Could not delete {}, the fast-start cache entry of an earlier build of {}: {}",
                        entry,
                        jar.getFileName(),
                        e.getMessage());
            }
        }
    }

    private static Optional<List<String>> source(Path entry) {
        try {
            return Optional.of(Files.readAllLines(entry.resolve(SOURCE)));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Whether a process runs from this entry: its extracted jar and its archive are named on the command line. */
    private static boolean inUse(Path entry) {
        String prefix = entry.toString() + "/";
        return ProcessHandle.allProcesses()
                .anyMatch(process -> process.info()
                        .commandLine()
                        .map(command -> command.contains(prefix))
                        .orElse(false));
    }

    /** Keyed by content, not by agent: fifty agents made from one jar share one extraction and one archive. */
    private Path entry(Path jar, List<String> jvmArgs) {
        return properties.cacheDir().toAbsolutePath().normalize().resolve(key(jar, jvmArgs));
    }

    /** The jar's content, the JDK and the JVM options: what an archive is only valid for. */
    String key(Path jar, List<String> jvmArgs) {
        MessageDigest digest = sha256();
        digest.update(jarDigests.of(jar));
        digest.update((System.getProperty("java.home") + "|" + System.getProperty("java.vm.version") + "|"
                        + String.join(" ", jvmArgs))
                .getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest.digest(), 0, 12);
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.debug("Could not delete {}: {}", file, e.getMessage());
        }
    }
}
