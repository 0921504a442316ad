package dev.runtimeservice.agent.vfs.it;

import static dev.runtimeservice.agent.vfs.it.Http.q;
import static org.assertj.core.api.Assertions.assertThat;

import dev.runtimeservice.testsupport.PackagedAgent;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Drives hostile paths through every operation of the real agent and checks that each is a 400 that
 * says why, that no answer carries content from outside the root, and that nothing outside the root
 * was created, changed or deleted.
 */
class HostilePathsIT {

    private static final String OUTSIDE_MARK = "OUTSIDE-SECRET-7f3a";

    @TempDir
    Path base;

    /** Paths as the client means them; the test URL-encodes each exactly once. */
    static List<String> hostilePaths() {
        return List.of(
                "..",
                "../",
                "../outside/secret.txt",
                "../../etc/passwd",
                "okdir/../../outside",
                "okdir/../..",
                "./..",
                ".",
                "okdir/.",
                "/etc/passwd",
                "/",
                "//server/share",
                "C:\\Windows\\win.ini",
                "C:/Windows/win.ini",
                "c:",
                "..\\outside\\secret.txt",
                "okdir\\..\\..\\outside",
                "%2e%2e/outside/secret.txt",
                "%2E%2E%2Foutside",
                "%252e%252e/outside",
                "..%2fsecret",
                "..%5csecret",
                "%c0%ae%c0%ae/outside",
                "okdir/%2e%2e/%2e%2e",
                "secret.txt\u0000.png",
                "\u0000",
                "..\u0000/outside",
                "okdir/\n",
                "name\r\nX-Injected: 1",
                "a".repeat(256),
                "okdir/" + "b".repeat(300),
                "abc/".repeat(300),
                "\u00e9".repeat(128),
                "\uFF0E\uFF0E/outside",
                "\u2025/outside",
                "okdir/\uFF0Foutside",
                "escape",
                "escape/secret.txt",
                "escape/sub",
                "escape-file",
                "dangling",
                "dangling/x",
                "up",
                "up/outside/secret.txt",
                "prefix",
                "prefix/secret.txt",
                ".vfs-tmp-123",
                "okdir/.vfs-tmp-x",
                "file:///etc/passwd",
                "\\\\?\\C:\\",
                "okdir//x",
                "\uFFFD..");
    }

    /** Query values sent exactly as written, already percent-encoded, some twice. */
    static List<String> rawQueryValues() {
        return List.of(
                "%2e%2e%2foutside%2fsecret.txt",
                "%252e%252e%252foutside",
                "..%2f..%2foutside",
                "%c0%ae%c0%ae%2foutside",
                "%00",
                "..%5c..%5coutside",
                "%2fetc%2fpasswd",
                "%e2%80%a5%2foutside",
                "okdir%2f..%2f..%2foutside");
    }

    @Test
    void everyHostilePathIsA400ThatSaysWhyAndNothingOutsideTheRootIsTouched() throws Exception {
        Path root = prepareTree();
        List<String> failures = new ArrayList<>();
        List<String> values = Stream.concat(hostilePaths().stream().map(Http::q), rawQueryValues().stream())
                .toList();
        assertThat(values).hasSizeGreaterThanOrEqualTo(40);
        Map<String, String> before;
        try (PackagedAgent agent = VfsAgent.start(base.resolve("home"), "{}", Map.of())) {
            // Taken once the agent is up: what it writes in its home at start (Tomcat's work folder) is its own.
            before = snapshot();
            Http http = new Http(agent);
            for (String value : values) {
                for (Map.Entry<String, Function<String, HttpRequest.Builder>> operation :
                        operations(http).entrySet()) {
                    check(http, operation.getKey(), value, operation.getValue().apply(value), failures);
                }
            }
            assertThat(http.get("/fs/search?text=" + q(OUTSIDE_MARK)).json().path("hits"))
                    .isEmpty();
            assertThat(http.get("/fs/search?glob=**").body()).doesNotContain("secret.txt");
            assertThat(http.get("/fs/content?path=inner-link/ok.txt").body()).isEqualTo("inside");
        }
        assertThat(failures).isEmpty();
        assertThat(snapshot()).isEqualTo(before);
        assertThat(root.resolve("inside.txt")).hasContent("inside");
    }

    private static Map<String, Function<String, HttpRequest.Builder>> operations(Http http) {
        Map<String, Function<String, HttpRequest.Builder>> operations = new TreeMap<>();
        operations.put("list", v -> http.request("/fs/list?path=" + v).GET());
        operations.put("stat", v -> http.request("/fs/stat?path=" + v).GET());
        operations.put("read", v -> http.request("/fs/content?path=" + v).GET());
        operations.put(
                "write",
                v -> http.request("/fs/content?parents=true&path=" + v)
                        .PUT(HttpRequest.BodyPublishers.ofString("PWNED")));
        operations.put(
                "mkdir",
                v -> http.request("/fs/mkdir?parents=true&path=" + v).POST(HttpRequest.BodyPublishers.noBody()));
        operations.put(
                "move-from",
                v -> http.request("/fs/move?to=moved.txt&overwrite=true&from=" + v)
                        .POST(HttpRequest.BodyPublishers.noBody()));
        operations.put(
                "move-to",
                v -> http.request("/fs/move?from=inside.txt&overwrite=true&to=" + v)
                        .POST(HttpRequest.BodyPublishers.noBody()));
        operations.put(
                "delete",
                v -> http.request("/fs/entry?recursive=true&path=" + v).DELETE());
        operations.put(
                "search",
                v -> http.request("/fs/search?text=" + OUTSIDE_MARK + "&path=" + v)
                        .GET());
        return operations;
    }

    private static void check(
            Http http, String operation, String value, HttpRequest.Builder request, List<String> failures) {
        Http.Answer answer = http.send(request);
        boolean explained = answer.header("Content-Type").startsWith("application/problem+json")
                && !answer.detail().isBlank();
        if (answer.status() != 400 || !explained || answer.body().contains(OUTSIDE_MARK)) {
            failures.add(operation + " " + value + " -> " + answer.status() + " " + answer.body());
        }
    }

    /** The data root with links that lead out, next to folders that must stay untouched. */
    private Path prepareTree() throws IOException {
        Path outside = Files.createDirectories(base.resolve("outside"));
        Files.writeString(outside.resolve("secret.txt"), OUTSIDE_MARK);
        Files.createDirectories(outside.resolve("sub"));
        Path evil = Files.createDirectories(base.resolve("home/data-evil"));
        Files.writeString(evil.resolve("secret.txt"), OUTSIDE_MARK);
        Path root = Files.createDirectories(base.resolve("home/data"));
        Files.writeString(root.resolve("inside.txt"), "inside");
        Files.createDirectories(root.resolve("okdir"));
        Files.writeString(root.resolve("okdir/ok.txt"), "inside");
        Files.createSymbolicLink(root.resolve("escape"), outside);
        Files.createSymbolicLink(root.resolve("escape-file"), outside.resolve("secret.txt"));
        Files.createSymbolicLink(root.resolve("dangling"), outside.resolve("new.txt"));
        Files.createSymbolicLink(root.resolve("up"), Path.of("../.."));
        Files.createSymbolicLink(root.resolve("prefix"), Path.of("../data-evil"));
        Files.createSymbolicLink(root.resolve("inner-link"), Path.of("okdir"));
        return root;
    }

    /** Every entry under the base except the data root and the agent's own files, with content hashes. */
    private Map<String, String> snapshot() throws IOException {
        Map<String, String> entries = new TreeMap<>();
        Path data = base.resolve("home/data");
        try (Stream<Path> walk = Files.walk(base)) {
            for (Path path : walk.filter(p -> !p.startsWith(data)
                            && !p.getFileName().toString().equals("vfs.log")
                            && !p.getFileName().toString().equals("resources.json"))
                    .toList()) {
                entries.put(base.relativize(path).toString(), describe(path));
            }
        }
        return entries;
    }

    private static String describe(Path path) throws IOException {
        if (Files.isSymbolicLink(path)) {
            return "link " + Files.readSymbolicLink(path);
        }
        if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
            return "folder";
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(path));
            return "file " + Files.getLastModifiedTime(path) + " "
                    + HexFormat.of().formatHex(hash);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
