package dev.runtimeservice.manager.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.runtimeservice.testsupport.TestPorts;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Indexing from vfs with every part real: the packaged manager jar runs a catalog of two agents, the packaged
 * vfs and kendra jars (no fixed ports), launches kendra and vfs as its children; kendra finds vfs through the
 * manager's {@code list_agents}; files are written through vfs's HTTP API and found through kendra's search.
 */
// Started among the first test classes: it takes about a minute (the class order: see the manager's pom).
@Order(1)
class KendraVfsIngestIT {

    // Lives in the manager module, which the reactor builds last, so the manager and agent jars all exist.
    private static final Path REPOSITORY = PackagedManager.ROOT;
    private static final HttpClient HTTP =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    static Path work;

    private static Process manager;
    private static String managerUrl;
    private static String kendra;

    @BeforeAll
    static void startTheManagerAndLaunchKendra() throws Exception {
        Path agents = Files.createDirectories(work.resolve("agents"));
        catalogEntry(agents, "vfs", REPOSITORY.resolve("agents/vfs/target/vfs-agent.jar"), "");
        catalogEntry(
                agents,
                "kendra",
                REPOSITORY.resolve("agents/kendra/target/kendra-agent.jar"),
                "env: {KENDRA_VFS_MAX_FILE_SIZE: 64KB}\n");
        int port = TestPorts.free();
        int agentPorts = TestPorts.freeRange(51);
        // Through bin/runtime-manager (Spring AOT), so that the MCP server's beans are checked that way too.
        ProcessBuilder builder = PackagedManager.script()
                .directory(work.toFile())
                .redirectErrorStream(true)
                .redirectOutput(work.resolve("manager.out").toFile());
        builder.environment().put("PORT", Integer.toString(port));
        builder.environment().put("AGENTS_DIR", agents.toString());
        builder.environment().put("LOG_DIR", work.resolve("logs").toString());
        builder.environment().put("MIN_AGENT_PORT", Integer.toString(agentPorts));
        builder.environment().put("MAX_AGENT_PORT", Integer.toString(agentPorts + 50));
        builder.environment().put("AGENT_STARTUP_TIMEOUT", "240");
        builder.environment().put("RUNTIME_FASTSTART_CACHEDIR", PackagedManager.FAST_START_CACHE.toString());
        builder.environment().remove("RUNTIME_API_KEY");
        manager = builder.start();
        managerUrl = "http://127.0.0.1:" + port;
        await().atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> {
                    assertThat(manager.isAlive())
                            .as("the manager exited; see " + work.resolve("manager.out"))
                            .isTrue();
                    return answers(managerUrl + "/actuator/health");
                });
        kendra = launch("kendra");
    }

    @AfterAll
    static void stopTheManagerAndEveryAgent() throws InterruptedException {
        if (manager == null) {
            return;
        }
        List<ProcessHandle> agents = manager.descendants().toList();
        manager.destroy();
        if (!manager.waitFor(60, TimeUnit.SECONDS)) {
            manager.destroyForcibly().waitFor();
        }
        for (ProcessHandle agent : agents) {
            agent.destroyForcibly();
            agent.onExit()
                    .orTimeout(30, TimeUnit.SECONDS)
                    .exceptionally(e -> agent)
                    .join();
        }
    }

    @Test
    void whenVfsIsNotRunningIngestIsAServiceUnavailableProblemThatSaysHowToLaunchIt() throws Exception {
        PackagedManager.post(managerUrl + "/api/stop_agent?agent_name=vfs", "");

        HttpResponse<String> answer = PackagedManager.post(kendra + "/ingest/vfs", "{\"glob\": \"**/*.md\"}");

        assertThat(answer.statusCode()).isEqualTo(503);
        assertThat(answer.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(JSON.readTree(answer.body()).get("detail").asString())
                .startsWith("vfs is not running")
                .contains("curl -X POST " + managerUrl + "/api/launch_agents", "{\"agents\": [\"vfs\"]}");
    }

    @Test
    void filesMatchingAGlobAreIndexedWithTheirHeadingsAndFoundBySearch() throws Exception {
        String vfs = launch("vfs");
        write(
                vfs,
                "glob-suite/guía-alquiler.md",
                "Intro.\n\n# Guía del alquiler\n\nEl contrato de arrendamiento "
                        + "de la vivienda se prorroga cada año hasta cinco años.");
        write(
                vfs,
                "glob-suite/deep/nested/solar.md",
                "# Solar panels\n\nRooftop photovoltaic panels turn sunlight " + "into electricity.");
        write(vfs, "glob-suite/notes.txt", "photovoltaic notes that the glob does not match");

        JsonNode result = ok(PackagedManager.post(
                kendra + "/ingest/vfs", "{\"glob\": \"glob-suite/**/*.md\", \"metadata\": {\"suite\": \"vfs-glob\"}}"));

        assertThat(result.get("indexed").asInt()).isEqualTo(2);
        assertThat(result.get("vfs").asString()).isEqualTo(vfs);
        assertThat(result.findValuesAsString("id"))
                .containsExactlyInAnyOrder("vfs:glob-suite/guía-alquiler.md", "vfs:glob-suite/deep/nested/solar.md");
        JsonNode spanish = search("arrendamientos de viviendas", "vfs-glob");
        assertThat(spanish.get("total").asInt()).isEqualTo(1);
        JsonNode hit = spanish.get("hits").get(0);
        assertThat(hit.get("id").asString()).isEqualTo("vfs:glob-suite/guía-alquiler.md");
        assertThat(hit.get("title").asString()).isEqualTo("Guía del alquiler");
        assertThat(hit.get("uri").asString()).isEqualTo("vfs://glob-suite/guía-alquiler.md");
        assertThat(hit.get("language").asString()).isEqualTo("es");
        assertThat(hit.get("metadata").get("source").asString()).isEqualTo("vfs");
        assertThat(hit.get("snippet").asString()).contains("<mark>arrendamiento</mark>", "<mark>vivienda</mark>");
        JsonNode english = search("photovoltaic", "vfs-glob");
        assertThat(english.get("hits").findValuesAsString("id")).containsExactly("vfs:glob-suite/deep/nested/solar.md");
        JsonNode document = JSON.readTree(
                get(kendra + "/documents/vfs:glob-suite/deep/nested/solar.md").body());
        assertThat(document.get("text").asString()).contains("Rooftop photovoltaic panels");

        HttpResponse<String> badGlob = PackagedManager.post(kendra + "/ingest/vfs", "{\"glob\": \"[abc\"}");
        assertThat(badGlob.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(badGlob.body()).get("detail").asString()).startsWith("vfs answered 400");
    }

    @Test
    void overA2aAnIngestFromVfsStreamsOneProgressStatusPerFileThenTheAnswer() throws Exception {
        String vfs = launch("vfs");
        for (String name : List.of("uno", "dos", "tres")) {
            write(vfs, "a2a-suite/" + name + ".md", "# " + name + "\n\nTexto de " + name + ".");
        }

        HttpResponse<String> stream = PackagedManager.post(kendra + "/a2a", """
                {"jsonrpc": "2.0", "id": "s1", "method": "SendStreamingMessage", "params": {"message": {
                 "messageId": "a2a-ingest", "role": "ROLE_USER", "parts": [{"data": {"skill": "ingest-vfs",
                 "input": {"glob": "a2a-suite/*.md"}}}]}}}""");

        assertThat(stream.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/event-stream"));
        List<JsonNode> events = new java.util.ArrayList<>();
        for (String line : stream.body().split("\n")) {
            if (line.startsWith("data: ")) {
                events.add(JSON.readTree(line.substring(6)).get("result"));
            }
        }
        assertThat(events.get(0).has("task")).isTrue();
        assertThat(events.stream()
                        .filter(e -> e.path("statusUpdate")
                                .path("status")
                                .path("message")
                                .toString()
                                .contains("Indexing file")))
                .hasSize(3);
        JsonNode last = events.get(events.size() - 1);
        assertThat(last.path("statusUpdate").path("status").path("state").asString())
                .isEqualTo("TASK_STATE_COMPLETED");
        assertThat(events.stream().filter(e -> e.has("artifactUpdate")).findFirst())
                .hasValueSatisfying(e -> assertThat(e.at("/artifactUpdate/artifact/parts/1/data/indexed")
                                .asInt())
                        .isEqualTo(3));
    }

    @Test
    void pathsAndFoldersAreIndexedAndEachBadFileIsReportedWithoutLosingTheOthers() throws Exception {
        String vfs = launch("vfs");
        write(
                vfs,
                "paths-suite/report.html",
                "<html><head><title>Quarterly report</title></head><body>Revenue grew "
                        + "in the northern region.</body></html>");
        write(vfs, "paths-suite/folder/a.txt", "The lighthouse keeper's logbook.");
        write(vfs, "paths-suite/folder/sub/b.txt", "The harbour pilots' handbook.");
        write(vfs, "paths-suite/logo.png", new String(new char[] {0x89, 'P', 'N', 'G', 0, 0, 0, 13}));
        write(vfs, "paths-suite/big.txt", "lighthouse ".repeat(10_000));
        String longPath = "paths-suite/" + "a".repeat(200) + "/" + "b".repeat(200) + "/" + "c".repeat(150) + ".txt";
        write(vfs, longPath, "A lighthouse whose path makes an id longer than 512 characters.");

        JsonNode result = ok(PackagedManager.post(kendra + "/ingest/vfs", """
                {"paths": ["paths-suite/report.html", "paths-suite/folder", "paths-suite/logo.png",
                           "paths-suite/big.txt", "paths-suite/missing.md"],
                 "language": "en", "metadata": {"suite": "vfs-paths"}}""".replace("]", ", \"" + longPath + "\"]")));

        assertThat(result.get("indexed").asInt()).isEqualTo(3);
        assertThat(result.get("documents").findValuesAsString("path"))
                .containsExactlyInAnyOrder(
                        "paths-suite/report.html", "paths-suite/folder/a.txt", "paths-suite/folder/sub/b.txt");
        assertThat(result.get("skipped").findValuesAsString("path"))
                .containsExactlyInAnyOrder("paths-suite/logo.png", "paths-suite/big.txt");
        assertThat(result.get("skipped").findValuesAsString("reason"))
                .anySatisfy(reason -> assertThat(reason).startsWith("binary file"))
                .anySatisfy(reason -> assertThat(reason).contains("more than kendra.vfs.max-file-size (65536 bytes)"));
        assertThat(result.get("failed")).hasSize(2);
        assertThat(result.get("failed").get(0).get("path").asString()).isEqualTo("paths-suite/missing.md");
        assertThat(result.get("failed").get(0).get("error").asString()).startsWith("vfs answered 404");
        assertThat(result.get("failed").get(1).get("path").asString()).isEqualTo(longPath);
        assertThat(result.get("failed").get(1).get("id").asString()).isEqualTo("vfs:" + longPath);
        assertThat(result.get("failed").get(1).get("error").asString()).contains("'id' is longer than 512");
        JsonNode lighthouse = search("lighthouse", "vfs-paths");
        assertThat(lighthouse.get("hits").findValuesAsString("id")).containsExactly("vfs:paths-suite/folder/a.txt");
        assertThat(lighthouse.get("hits").get(0).get("title").asString()).isEqualTo("a.txt");
        assertThat(search("revenue", "vfs-paths")
                        .get("hits")
                        .get(0)
                        .get("title")
                        .asString())
                .isEqualTo("Quarterly report");

        HttpResponse<String> nothing =
                PackagedManager.post(kendra + "/ingest/vfs", "{\"paths\": [\"paths-suite/logo.png\"]}");
        assertThat(nothing.statusCode()).isEqualTo(422);
        assertThat(JSON.readTree(nothing.body())
                        .get("skipped")
                        .get(0)
                        .get("path")
                        .asString())
                .isEqualTo("paths-suite/logo.png");
    }

    @Test
    void anMcpClientLaunchesAgentsSeesTheirToolsComeAndGoAndIndexesAFileItWroteThroughThem() {
        try (McpSession mcp = McpSession.overHttp(managerUrl)) {
            assertThat(mcp.toolNames())
                    .contains("launch_agents", "list_agents", "stop_agent", "agent_logs", "instruct");
            assertThat(mcp.call("launch_agents", Map.of("agents", "vfs")).isError())
                    .isTrue();
            CallToolResult badStatus = mcp.call("list_agents", Map.of("status", "SLEEPING"));
            assertThat(badStatus.isError()).isTrue();

            assertThat(mcp.call("stop_agent", Map.of("agent_name", "vfs")).isError())
                    .isFalse();
            assertThat(mcp.toolNames()).doesNotContain("vfs.write").contains("kendra.search");
            CallToolResult stopped = mcp.call("vfs.write", Map.of("path", "x.md", "text", "x"));
            assertThat(stopped.isError()).isTrue();
            assertThat(McpSession.text(stopped)).contains("not running", "launch_agents");

            CallToolResult launched = mcp.call("launch_agents", Map.of("agents", List.of("vfs", "kendra")));
            assertThat(launched.isError()).as(McpSession.text(launched)).isFalse();
            assertThat(mcp.toolNames()).contains("vfs.write", "vfs.read", "kendra.search", "kendra.ingest-vfs");
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> mcp.announced.stream().anyMatch(tools -> tools.contains("vfs.write")));

            CallToolResult written = mcp.call(
                    "vfs.write",
                    Map.of(
                            "path",
                            "mcp-suite/tides.md",
                            "text",
                            "# Tides\n\nThe moon pulls the ocean.",
                            "parents",
                            true));
            assertThat(written.isError()).as(McpSession.text(written)).isFalse();
            // A skill's output schema is declared, with the entry types vfs answers with, and the SDK checks each
            // answer against it: a mismatch would be a tool error here.
            assertThat(JSON.valueToTree(mcp.tool("vfs.stat").outputSchema())
                            .at("/properties/type/enum")
                            .toString())
                    .isEqualTo("[\"file\",\"folder\",\"link\",\"other\"]");
            CallToolResult stat = mcp.call("vfs.stat", Map.of("path", "mcp-suite/tides.md"));
            assertThat(stat.isError()).as(McpSession.text(stat)).isFalse();
            assertThat(JSON.valueToTree(stat.structuredContent()).path("type").asString())
                    .isEqualTo("file");
            // Whole numbers stay integers on their way through the A2A client, which reads them as doubles.
            assertThat(JSON.valueToTree(stat.structuredContent()).path("size").isIntegralNumber())
                    .as(String.valueOf(stat.structuredContent()))
                    .isTrue();
            CallToolResult indexed = mcp.call(
                    "kendra.ingest-vfs",
                    Map.of("paths", List.of("mcp-suite/tides.md"), "metadata", Map.of("suite", "mcp")));
            assertThat(indexed.isError()).as(McpSession.text(indexed)).isFalse();
            CallToolResult found = mcp.call(
                    "kendra.search",
                    Map.of("query", "moon ocean", "mode", "keyword", "filters", Map.of("suite", "mcp")));
            assertThat(found.isError()).as(McpSession.text(found)).isFalse();
            assertThat(JSON.valueToTree(found.structuredContent())
                            .at("/hits/0/id")
                            .asString())
                    .isEqualTo("vfs:mcp-suite/tides.md");
            assertThat(McpSession.text(found)).isNotBlank();
            assertThat(mcp.call("kendra.search", Map.of("query", 5)).isError()).isTrue();

            assertThat(mcp.call("stop_agent", Map.of("agent_name", List.of("vfs")))
                            .isError())
                    .isFalse();
            assertThat(mcp.toolNames()).doesNotContain("vfs.write").contains("kendra.search");
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> !mcp.announced.get(mcp.announced.size() - 1).contains("vfs.write"));
        }
    }

    @Test
    void aDesktopClientReachesTheSameToolsThroughTheStdioBridge() {
        Path cli = REPOSITORY.resolve("cli/target/runtime-cli-exec.jar");
        assertThat(cli).as("build it first: ./mvnw -pl cli package").isRegularFile();
        List<String> bridge = List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                cli.toString(),
                "mcp",
                "--url",
                managerUrl);
        try (McpSession mcp = McpSession.overStdio(bridge, Map.of())) {
            assertThat(mcp.call("stop_agent", Map.of("agent_name", "vfs")).isError())
                    .isFalse();
            assertThat(mcp.toolNames())
                    .contains("launch_agents", "kendra.search")
                    .doesNotContain("vfs.read");

            assertThat(mcp.call("launch_agents", Map.of("agents", List.of("vfs")))
                            .isError())
                    .isFalse();
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> mcp.announced.stream().anyMatch(tools -> tools.contains("vfs.read")));
            assertThat(mcp.call("vfs.write", Map.of("path", "bridge/hello.txt", "text", "hola", "parents", true))
                            .isError())
                    .isFalse();
            CallToolResult read = mcp.call("vfs.read", Map.of("path", "bridge/hello.txt"));
            assertThat(McpSession.text(read)).as(read.toString()).contains("hola");
            assertThat(mcp.call("vfs.read", Map.of("no_path", 1)).isError()).isTrue();

            mcp.call("stop_agent", Map.of("agent_name", "vfs"));
            assertThat(mcp.toolNames()).doesNotContain("vfs.read");
        }
    }

    private static void catalogEntry(Path agents, String name, Path jar, String extra) throws IOException {
        assertThat(jar)
                .as("build it first: ./mvnw -pl agents/" + name + " package -DskipTests")
                .isRegularFile();
        Path home = Files.createDirectories(agents.resolve(name));
        Files.writeString(
                home.resolve("agent.yml"),
                "description: " + name + " for VfsIngestIT\njar: \"" + jar + "\"\n"
                        + PackagedManager.builtInJvmArgs(name) + "\n" + extra);
    }

    /** Launches an agent through the manager (or finds it running) and returns its URL. */
    private static String launch(String name) throws Exception {
        HttpResponse<String> answer = HTTP.send(
                HttpRequest.newBuilder(URI.create(managerUrl + "/api/launch_agents"))
                        .header("Content-Type", "application/json")
                        .timeout(Duration.ofMinutes(5))
                        .POST(HttpRequest.BodyPublishers.ofString("{\"agents\": [\"" + name + "\"]}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return JSON.readTree(answer.body()).get("agents").get(0).get("url").asString();
    }

    private static void write(String vfs, String path, String content) throws Exception {
        HttpResponse<String> answer = HTTP.send(
                HttpRequest.newBuilder(URI.create(vfs + "/fs/content?parents=true&path="
                                + URLEncoder.encode(path, StandardCharsets.UTF_8)))
                        .PUT(HttpRequest.BodyPublishers.ofByteArray(content.getBytes(
                                path.endsWith(".png") ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isIn(200, 201);
    }

    private static JsonNode search(String query, String suite) throws Exception {
        return ok(get(kendra + "/search?mode=keyword&filter=suite:" + suite + "&q="
                + URLEncoder.encode(query, StandardCharsets.UTF_8)));
    }

    private static JsonNode ok(HttpResponse<String> answer) {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return JSON.readTree(answer.body());
    }

    private static HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofMinutes(1))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static boolean answers(String url) {
        try {
            return get(url).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
