package dev.runtimeservice.agent.vfs.it;

import static dev.runtimeservice.agent.vfs.it.Http.q;
import static org.assertj.core.api.Assertions.assertThat;

import dev.runtimeservice.testsupport.AgentContract;
import dev.runtimeservice.testsupport.PackagedAgent;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** Every file operation against the real agent process over HTTP, with small limits. */
class FileOperationsIT {

    @TempDir
    static Path base;

    static final String SECRET = "s3cr3t-sharepoint-password";

    static PackagedAgent agent;
    static Http http;

    @BeforeAll
    static void start() throws Exception {
        Files.createDirectories(base.resolve("ro"));
        Files.writeString(base.resolve("ro/guide.md"), "read me\n");
        Files.createDirectories(base.resolve("rw"));
        try (var zip = new java.util.zip.ZipOutputStream(Files.newOutputStream(base.resolve("pack.zip")))) {
            zip.putNextEntry(new java.util.zip.ZipEntry("inner/zipped.txt"));
            zip.write("from the zip\n".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        String resources = """
                {"mounts": {
                   "guides": {"type": "folder", "path": "%s", "mode": "ro"},
                   "shared": {"type": "folder", "path": "%s", "mode": "rw"},
                   "pack": {"type": "zip", "path": "%s"},
                   "broken": {"type": "zip", "path": "%s"}},
                 "sharepoint": {"url": "https://example.com", "user": "user", "password": "%s"}}
                """.formatted(
                base.resolve("ro"), base.resolve("rw"), base.resolve("pack.zip"), base.resolve("missing.zip"), SECRET);
        agent = VfsAgent.start(
                base.resolve("home"), resources, Map.of("VFS_MAX_FILE_SIZE", "1MB", "VFS_MAX_ROOT_SIZE", "3MB"));
        http = new Http(agent);
    }

    @AfterAll
    static void stop() {
        if (agent != null) {
            try {
                AgentContract.assertShutsDown(agent);
            } finally {
                agent.close();
            }
        }
    }

    @Test
    void aWrittenTextFileReadsBackWithItsContentTypeAndTheEtagOfItsStat() {
        Http.Answer written = http.put("text/hello.md", "# Hello\nvfs\n");
        assertThat(written.status()).isEqualTo(201);
        assertThat(written.json().path("etag").asString()).isEqualTo(written.header("ETag"));

        Http.Answer read = http.get("/fs/content?path=text/hello.md");
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.body()).isEqualTo("# Hello\nvfs\n");
        assertThat(read.header("Content-Type")).startsWith("text/markdown");
        assertThat(read.header("ETag")).isEqualTo(written.header("ETag"));
        JsonNode stat = http.get("/fs/stat?path=text/hello.md").json();
        assertThat(stat.path("type").asString()).isEqualTo("file");
        assertThat(stat.path("size").asLong()).isEqualTo(12);
        assertThat(stat.path("etag").asString()).isEqualTo(written.header("ETag"));
        assertThat(http.put("text/hello.md", "replaced").status()).isEqualTo(200);
    }

    @Test
    void binaryContentRoundTripsByteForByteAndRangesReturn206Or416() {
        byte[] bytes = new byte[1000];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) i;
        }
        assertThat(http.send(http.request("/fs/content?path=bin/all.bin&parents=true")
                                .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes)))
                        .status())
                .isEqualTo(201);
        Http.Answer whole = http.get("/fs/content?path=bin/all.bin");
        assertThat(whole.raw().body()).isEqualTo(bytes);
        assertThat(whole.header("Content-Type")).isEqualTo("application/octet-stream");

        Http.Answer slice =
                http.send(http.request("/fs/content?path=bin/all.bin").header("Range", "bytes=10-19"));
        assertThat(slice.status()).isEqualTo(206);
        assertThat(slice.header("Content-Range")).isEqualTo("bytes 10-19/1000");
        assertThat(slice.raw().body()).isEqualTo(java.util.Arrays.copyOfRange(bytes, 10, 20));
        Http.Answer tail =
                http.send(http.request("/fs/content?path=bin/all.bin").header("Range", "bytes=-5"));
        assertThat(tail.raw().body()).isEqualTo(java.util.Arrays.copyOfRange(bytes, 995, 1000));
        Http.Answer past =
                http.send(http.request("/fs/content?path=bin/all.bin").header("Range", "bytes=5000-"));
        assertThat(past.status()).isEqualTo(416);
        assertThat(past.detail()).contains("1000 bytes");
    }

    @Test
    void listingsAreSortedPagedAndDescribeEachEntry() {
        for (String name : List.of("e.txt", "c.txt", "a.txt", "d.txt", "b.txt")) {
            http.put("paged/" + name, name);
        }
        http.post("/fs/mkdir?path=paged/sub");
        JsonNode first = http.get("/fs/list?path=paged&limit=4").json();
        assertThat(first.path("total").asInt()).isEqualTo(6);
        assertThat(first.path("next_offset").asInt()).isEqualTo(4);
        assertThat(first.path("entries").valueStream().map(e -> e.path("name").asString()))
                .containsExactly("a.txt", "b.txt", "c.txt", "d.txt");
        JsonNode entry = first.path("entries").get(0);
        assertThat(entry.path("size").asLong()).isEqualTo(5);
        assertThat(entry.path("type").asString()).isEqualTo("file");
        assertThat(entry.path("modified").asString()).isNotBlank();
        JsonNode second = http.get("/fs/list?path=paged&offset=4&limit=4").json();
        assertThat(second.path("entries")
                        .valueStream()
                        .map(e ->
                                e.path("name").asString() + ":" + e.path("type").asString()))
                .containsExactly("e.txt:file", "sub:folder");
        assertThat(second.path("next_offset").isNull()).isTrue();
        assertThat(http.get("/fs/list?path=paged&limit=0").status()).isEqualTo(400);
    }

    @Test
    void mkdirMoveAndDeleteFollowTheirRules() {
        assertThat(http.post("/fs/mkdir?path=tree/a").status()).isEqualTo(404);
        assertThat(http.post("/fs/mkdir?path=tree/a&parents=true").status()).isEqualTo(201);
        assertThat(http.post("/fs/mkdir?path=tree/a").status()).isEqualTo(200);
        http.put("tree/a/one.txt", "1");
        assertThat(http.post("/fs/move?from=tree/a&to=tree/b")
                        .json()
                        .path("type")
                        .asString())
                .isEqualTo("folder");
        assertThat(http.get("/fs/content?path=tree/b/one.txt").body()).isEqualTo("1");
        assertThat(http.get("/fs/stat?path=tree/a").status()).isEqualTo(404);

        http.put("tree/c.txt", "c");
        Http.Answer exists = http.post("/fs/move?from=tree/b/one.txt&to=tree/c.txt");
        assertThat(exists.status()).isEqualTo(409);
        assertThat(exists.detail()).contains("overwrite=true");
        assertThat(http.post("/fs/move?from=tree/b/one.txt&to=tree/c.txt&overwrite=true")
                        .status())
                .isEqualTo(200);
        assertThat(http.get("/fs/content?path=tree/c.txt").body()).isEqualTo("1");
        assertThat(http.post("/fs/move?from=tree/b&to=tree/b/inner").status()).isEqualTo(409);

        Http.Answer folder = http.delete("/fs/entry?path=tree");
        assertThat(folder.status()).isEqualTo(409);
        assertThat(folder.detail()).contains("recursive=true");
        JsonNode deleted = http.delete("/fs/entry?path=tree&recursive=true").json();
        assertThat(deleted.path("files").asLong()).isEqualTo(1);
        assertThat(deleted.path("folders").asLong()).isEqualTo(2);
        assertThat(http.get("/fs/stat?path=tree").status()).isEqualTo(404);
    }

    @Test
    void wrongTypesAre409AndMissingEntriesAre404AsProblemJson() {
        http.put("kinds/file.txt", "x");
        Http.Answer missing = http.get("/fs/content?path=kinds/none.txt");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(missing.detail()).contains("kinds/none.txt").contains("list its folder");
        assertThat(http.get("/fs/content?path=kinds").status()).isEqualTo(409);
        assertThat(http.get("/fs/list?path=kinds/file.txt").detail()).contains("is a file");
        assertThat(http.put("kinds", "x").status()).isEqualTo(409);
        assertThat(http.post("/fs/mkdir?path=kinds/file.txt").status()).isEqualTo(409);
        assertThat(http.put("kinds/file.txt/below.txt", "x").status()).isEqualTo(409);
        assertThat(http.delete("/fs/entry?path=kinds/none").status()).isEqualTo(404);
        assertThat(http.get("/fs/search?path=kinds").detail()).contains("Give a glob");
    }

    @Test
    void aStaleIfMatchIs412AndConcurrentWritersWithOneEtagLetExactlyOneThrough() throws Exception {
        String etag = http.put("race/shared.txt", "v0").header("ETag");
        Http.Answer created = http.send(http.request("/fs/content?path=race/shared.txt")
                .header("If-None-Match", "*")
                .PUT(HttpRequest.BodyPublishers.ofString("no")));
        assertThat(created.status()).isEqualTo(412);

        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Integer>> writers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String body = "writer " + i;
                writers.add(() -> http.send(http.request("/fs/content?path=race/shared.txt")
                                .header("If-Match", etag)
                                .PUT(HttpRequest.BodyPublishers.ofString(body)))
                        .status());
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> status : pool.invokeAll(writers)) {
                statuses.add(status.get());
            }
            assertThat(statuses).containsOnly(200, 412);
            assertThat(statuses).filteredOn(status -> status == 200).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(http.get("/fs/content?path=race/shared.txt").body()).startsWith("writer ");
        Http.Answer stale = http.send(http.request("/fs/entry?path=race/shared.txt")
                .header("If-Match", etag)
                .DELETE());
        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.detail()).contains("read it again");
    }

    @Test
    void filesOverThePerFileLimitAre413AndARootOverItsLimitIs507() {
        String big = "x".repeat(1024 * 1024 + 1);
        Http.Answer tooLarge = http.put("limits/big.txt", big);
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.detail()).contains("1 MB (1048576 bytes)");
        Http.Answer streamed = http.send(http.request("/fs/content?path=limits/streamed.txt&parents=true")
                .PUT(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new ByteArrayInputStream(big.getBytes(StandardCharsets.UTF_8)))));
        assertThat(streamed.status()).isEqualTo(413);

        String part = "y".repeat(900 * 1024);
        int written = 0;
        Http.Answer answer = http.put("limits/0.txt", part);
        while (answer.status() == 201 && written < 10) {
            written++;
            answer = http.put("limits/" + written + ".txt", part);
        }
        assertThat(answer.status()).isEqualTo(507);
        assertThat(answer.detail()).contains("3 MB (3145728 bytes)");
        assertThat(written).isBetween(1, 3);
        assertThat(http.get("/fs/stat?path=limits/" + written + ".txt").status())
                .isEqualTo(404);
        http.delete("/fs/entry?path=limits&recursive=true");
        assertThat(http.put("limits/again.txt", part).status()).isEqualTo(201);
        http.delete("/fs/entry?path=limits&recursive=true");
    }

    @Test
    void searchFindsByGlobByTextAndByBoth() {
        http.put("find/readme.md", "Kendra indexes files\n");
        http.put("find/deep/er/notes.md", "nothing here\nkendra again\n");
        http.put("find/data.txt", "kendra in text\n");
        JsonNode glob = http.get("/fs/search?path=find&glob=" + q("**/*.md")).json();
        assertThat(glob.path("hits").valueStream().map(h -> h.path("path").asString()))
                .containsExactlyInAnyOrder("find/readme.md", "find/deep/er/notes.md");
        JsonNode text = http.get("/fs/search?path=find&text=KENDRA").json();
        assertThat(text.path("hits")).hasSize(3);
        JsonNode both = http.get("/fs/search?path=find&glob=" + q("**/*.md") + "&text=again")
                .json();
        assertThat(both.path("hits")).hasSize(1);
        assertThat(both.path("hits").get(0).path("matches").get(0).path("line").asInt())
                .isEqualTo(2);
        JsonNode sensitive =
                http.get("/fs/search?path=find&text=KENDRA&case_sensitive=true").json();
        assertThat(sensitive.path("hits")).isEmpty();
        JsonNode limited = http.get("/fs/search?path=find&text=kendra&limit=1").json();
        assertThat(limited.path("truncated").asBoolean()).isTrue();
    }

    @Test
    void theAgentServesTheAgentContract() {
        AgentContract.assertServes(agent, "vfs");
    }

    @Test
    void theAgentCardListsEveryOperationAsASkillAndTheOpenApiDescriptionIsServed() {
        JsonNode card = http.get("/.well-known/agent-card.json").json();
        assertThat(card.path("skills").valueStream().map(s -> s.path("id").asString()))
                .containsExactlyInAnyOrder(
                        "vfs.list",
                        "vfs.stat",
                        "vfs.read",
                        "vfs.write",
                        "vfs.mkdir",
                        "vfs.move",
                        "vfs.delete",
                        "vfs.search");
        card.path("skills").forEach(skill -> {
            assertThat(skill.path("description").asString()).isNotBlank();
            assertThat(skill.path("examples")).isNotEmpty();
        });
        Http.Answer openapi = http.get("/openapi.yaml");
        assertThat(openapi.status()).isEqualTo(200);
        assertThat(openapi.body()).contains("/fs/content:", "/fs/search:", "/fs/move:");
    }

    @Test
    void mountsAreTopLevelFoldersAndWritesToReadOnlyOnesAre403() throws Exception {
        JsonNode root = http.get("/fs/list").json();
        assertThat(root.path("entries")
                        .valueStream()
                        .filter(e -> !e.path("mount").isMissingNode())
                        .map(e -> e.path("name").asString() + ":"
                                + e.path("read_only").asBoolean()))
                .containsExactlyInAnyOrder("guides:true", "shared:false", "pack:true");
        assertThat(http.get("/fs/content?path=guides/guide.md").body()).isEqualTo("read me\n");
        Http.Answer refused = http.put("guides/new.md", "x");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.detail()).contains("read-only mount 'guides'");
        assertThat(http.delete("/fs/entry?path=guides/guide.md").status()).isEqualTo(403);
        assertThat(http.post("/fs/move?from=guides/guide.md&to=taken.md").status())
                .isEqualTo(403);
        assertThat(http.delete("/fs/entry?path=guides&recursive=true").status()).isEqualTo(400);

        assertThat(http.put("shared/out.txt", "to the host").status()).isEqualTo(201);
        assertThat(base.resolve("rw/out.txt")).hasContent("to the host");
        assertThat(http.post("/fs/move?from=shared/out.txt&to=moved/out.txt").status())
                .isEqualTo(404);
        http.post("/fs/mkdir?path=moved");
        assertThat(http.post("/fs/move?from=shared/out.txt&to=moved/out.txt").status())
                .isEqualTo(200);
        assertThat(base.resolve("rw/out.txt")).doesNotExist();
        assertThat(http.get("/fs/content?path=moved/out.txt").body()).isEqualTo("to the host");

        assertThat(http.get("/fs/content?path=pack/inner/zipped.txt").body()).isEqualTo("from the zip\n");
        assertThat(http.send(http.request("/fs/content?path=pack/inner/zipped.txt")
                                .header("Range", "bytes=5-7"))
                        .body())
                .isEqualTo("the");
        assertThat(http.put("pack/inner/new.txt", "x").status()).isEqualTo(403);
        assertThat(http.get("/fs/search?glob=" + q("pack/**/*.txt"))
                        .json()
                        .path("hits")
                        .get(0)
                        .path("path")
                        .asString())
                .isEqualTo("pack/inner/zipped.txt");
    }

    @Test
    void statusReportsEachResourceWithItsUseAndNeverItsSecrets() {
        Http.Answer status = http.get("/status");
        assertThat(status.body()).doesNotContain(SECRET).doesNotContain(base.toString());
        JsonNode resources = status.json().path("resources");
        JsonNode mounts = resources
                .valueStream()
                .filter(r -> r.path("name").asString().equals("mounts"))
                .findFirst()
                .orElseThrow();
        assertThat(mounts.path("used").asBoolean()).isTrue();
        assertThat(mounts.path("reason").asString())
                .contains("'guides' (folder, read-only)")
                .contains("'shared' (folder, read-write)")
                .contains("'pack' (zip, read-only)")
                .contains("mount 'broken' skipped");
        JsonNode sharepoint = resources
                .valueStream()
                .filter(r -> r.path("name").asString().equals("sharepoint"))
                .findFirst()
                .orElseThrow();
        assertThat(sharepoint.path("used").asBoolean()).isFalse();
        assertThat(sharepoint.path("reason").asString()).contains("no SharePoint connector");
        assertThat(agent.log()).doesNotContain(SECRET);
    }

    @Test
    void nothingIsLeftInTheDataFolderButWhatTheClientWrote() throws Exception {
        http.put("clean/one.txt", "1");
        try (var files = Files.walk(base.resolve("home/data"))) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(name -> name.startsWith(".vfs-"));
        }
    }
}
