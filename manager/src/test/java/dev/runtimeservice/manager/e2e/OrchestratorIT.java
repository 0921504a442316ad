package dev.runtimeservice.manager.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.runtimeservice.manager.console.HeadlessChromium;
import io.a2a.spec.AgentCard;
import io.a2a.spec.Message;
import io.a2a.spec.Task;
import io.a2a.spec.TaskState;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The packaged orchestrator launched by the real manager (with an API key the orchestrator is not given) next to
 * the real vfs, kendra and gpt4 jars (gpt4 with the test model of ../shared/models) and a Python agent that serves
 * A2A JSON-RPC with the standard library only: discovery with its launch token, the official A2A client on every
 * card, instructions executed over A2A with their request id in both logs, a compound one run as a plan (kendra
 * searches, gpt4 summarises), a plan stopped at its failing step, the Python agent's skill executed, the web
 * console's key prompt and instruction box in a headless Chromium, and an agent that stops being dropped. It lives
 * in the manager module, which the reactor builds last, so that every jar it runs exists.
 */
// Started among the first test classes: it takes about a minute (the class order: see the manager's pom).
@Order(1)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OrchestratorIT {

    static final JsonMapper JSON = JsonMapper.builder().build();
    /** The test model (a 260K-parameter story model): gpt4 runs it for the plans' summaries. */
    static final Path MODEL =
            RealManager.ROOT.resolve("../shared/models/stories260K.gguf").normalize();

    static final HttpClient HTTP = HttpClient.newHttpClient();
    static RealManager manager;
    static Map<String, String> urls = new TreeMap<>();
    /** The orchestrator's {@code /agents}, asked at once when the launch answered. */
    static JsonNode agentsRightAfterLaunch;
    /** Receives the spans of the manager and of every agent (OTEL_EXPORTER_OTLP_ENDPOINT, inherited by the agents). */
    static OtlpReceiver otlp;

    @BeforeAll
    static void launch() throws Exception {
        otlp = new OtlpReceiver();
        // Spans leave every 0.5 s instead of every 5 s, so the trace checks wait less (the agents inherit both).
        manager = RealManager.start(Map.of(
                "OTEL_EXPORTER_OTLP_ENDPOINT",
                otlp.endpoint(),
                "MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_SCHEDULEDELAY",
                "500ms"));
        manager.awaitHealthy(Duration.ofSeconds(90));
        JsonNode launched = manager.post(
                "/api/launch_agents",
                "{\"agents\": [\"vfs\", \"kendra\", \"gpt4\", \"weather\", \"orchestrator\"], \"resources\": "
                        + "{\"gguf\": {\"model_path\": \"" + MODEL + "\"}}}");
        for (JsonNode agent : launched.path("agents").values()) {
            assertThat(agent.path("status").asString()).as(agent.toString()).isEqualTo("RUNNING");
            urls.put(agent.path("name").asString(), agent.path("url").asString());
        }
        agentsRightAfterLaunch = get(urls.get("orchestrator") + "/agents");
    }

    @AfterAll
    static void stop() throws Exception {
        if (manager != null) {
            manager.close();
        }
        if (otlp != null) {
            otlp.close();
        }
    }

    static JsonNode get(String url) throws Exception {
        return JSON.readTree(
                HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString())
                        .body());
    }

    static HttpResponse<String> instruct(String body, String requestId) throws Exception {
        return instruct(body, requestId, HttpRequest.newBuilder());
    }

    static HttpResponse<String> instruct(String body, String requestId, HttpRequest.Builder request) throws Exception {
        return HTTP.send(
                request.uri(URI.create(urls.get("orchestrator") + "/instructions"))
                        .header("Content-Type", "application/json")
                        .header("X-Request-Id", requestId)
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    @Order(0)
    void knowsTheAgentsLaunchedBeforeItAsSoonAsTheLaunchAnswers() {
        // The launch answers once the orchestrator is ready; a client that asks it at once must not find an empty list
        // only because its first look at the manager had not finished.
        List<String> names = new ArrayList<>();
        agentsRightAfterLaunch
                .path("agents")
                .values()
                .forEach(agent -> names.add(agent.path("name").asString()));
        assertThat(names).as(agentsRightAfterLaunch.toString()).contains("vfs", "kendra", "gpt4", "weather");
        assertThat(agentsRightAfterLaunch.path("refreshed_at").isMissingNode()).isFalse();
    }

    @Test
    @Order(1)
    void discoversEveryRunningAgentWithItsSkillsAndMarksItself() throws Exception {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode agents = get(urls.get("orchestrator") + "/agents").path("agents");
            Map<String, JsonNode> byName = new TreeMap<>();
            agents.values().forEach(a -> byName.put(a.path("name").asString(), a));
            assertThat(byName).containsOnlyKeys("vfs", "kendra", "gpt4", "weather", "orchestrator");
            assertThat(byName.values())
                    .allSatisfy(a -> assertThat(a.path("health").asString()).isEqualTo("UP"));
            assertThat(byName.get("kendra").path("url").asString()).isEqualTo(urls.get("kendra"));
            assertThat(byName.get("vfs").path("skills").size()).isEqualTo(8);
            assertThat(byName.get("weather").path("skills").path(0).path("id").asString())
                    .isEqualTo("forecast");
            assertThat(byName.get("orchestrator").path("self").asBoolean()).isTrue();
            assertThat(byName.get("orchestrator").path("routable").asBoolean()).isFalse();
        });
        assertThat(Files.readString(manager.logs.resolve("agents/orchestrator.log")))
                .doesNotContain(manager.apiKey)
                .doesNotContain("answered HTTP 401");
    }

    @Test
    @Order(2)
    void theOfficialA2aClientReadsEveryRunningAgentsCard() throws Exception {
        for (Map.Entry<String, String> agent : urls.entrySet()) {
            AgentCard card = A2aCalls.card(agent.getValue());
            List<String> ours = new ArrayList<>();
            get(agent.getValue() + "/.well-known/agent-card.json")
                    .path("skills")
                    .values()
                    .forEach(skill -> ours.add(skill.path("id").asString()));
            assertThat(card.name()).isEqualTo(agent.getKey());
            if (!agent.getKey().equals(RealManager.PY_AGENT)) {
                assertThat(card.supportedInterfaces())
                        .extracting(i -> i.protocolBinding() + " " + i.url())
                        .contains("JSONRPC " + agent.getValue() + "/a2a");
                assertThat(card.capabilities().streaming()).isTrue();
            }
            assertThat(card.skills()).extracting(io.a2a.spec.AgentSkill::id).containsExactlyElementsOf(ours);
        }
    }

    @Test
    @Order(2)
    void theOfficialA2aClientSendsStreamsGetsAndCancelsTasksOnEveryBuiltInAgent() throws Exception {
        Map<String, Message> requests = Map.of(
                "vfs", A2aCalls.data(Map.of("skill", "vfs.list", "input", Map.of())),
                "kendra", A2aCalls.text("inteligencia artificial"),
                "gpt4", A2aCalls.data(Map.of("skill", "generate", "input", Map.of("prompt", "Hola", "max_tokens", 5))),
                "orchestrator", A2aCalls.text("Which agents are running?"));
        for (Map.Entry<String, Message> request : requests.entrySet()) {
            A2aCalls agent = new A2aCalls(A2aCalls.card(urls.get(request.getKey())));
            TaskState expected = TaskState.TASK_STATE_COMPLETED;

            Task sent = agent.send(request.getValue());
            assertThat(sent.status().state())
                    .as(request.getKey() + ": " + sent.status())
                    .isEqualTo(expected);
            assertThat(agent.get(sent.id()).status().state()).isEqualTo(expected);
            assertThat(agent.stream(request.getValue()).status().state())
                    .as(request.getKey())
                    .isEqualTo(expected);
            assertThat(sent.artifacts().get(0).parts()).hasSize(2);
            Task asking = agent.send(A2aCalls.data(Map.of("no_skill_named", true)));
            assertThat(asking.status().state()).as(request.getKey()).isEqualTo(TaskState.TASK_STATE_INPUT_REQUIRED);
            assertThat(agent.cancel(asking.id()).status().state()).isEqualTo(TaskState.TASK_STATE_CANCELED);
        }
    }

    @Test
    @Order(3)
    void theBundledCardSnapshotsStillMatchTheRunningAgents() throws Exception {
        for (String name : RealManager.JAVA_AGENTS) {
            Path snapshot = RealManager.ROOT.resolve("agents/orchestrator/src/main/resources/cards/" + name + ".json");
            JsonNode bundled = JSON.readTree(snapshot.toFile()).path("skills");
            JsonNode live = get(urls.get(name) + "/.well-known/agent-card.json").path("skills");
            assertThat(bundled)
                    .as(name + ": refresh " + snapshot + " from the running agent's card")
                    .isEqualTo(live);
        }
    }

    @Test
    @Order(4)
    void anExecutedSearchCarriesItsRequestIdIntoKendraAndBothLogs() throws Exception {
        HTTP.send(
                HttpRequest.newBuilder(URI.create(urls.get("kendra") + "/documents"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "[{\"id\": \"ia-1\", \"language\": \"es\", \"title\": \"Inteligencia "
                                        + "artificial\", \"text\": "
                                        + "\"La inteligencia artificial estudia sistemas que aprenden de los "
                                        + "datos.\"}]"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        HttpResponse<String> response = instruct(
                "{\"text\": \"Busca información sobre inteligencia artificial\", \"execute\": true}", "it-trace-1");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode answer = JSON.readTree(response.body());
        assertThat(answer.path("choice").path("agent").asString()).isEqualTo("kendra");
        assertThat(answer.path("execution").path("request").asString())
                .isEqualTo("A2A SendMessage " + urls.get("kendra") + "/a2a skill search");
        assertThat(answer.path("execution")
                        .path("answer")
                        .path("hits")
                        .path(0)
                        .path("id")
                        .asString())
                .isEqualTo("ia-1");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(Files.readString(manager.logs.resolve("agents/orchestrator.log")))
                    .contains("[req=it-trace-1] Calling A2A SendMessage " + urls.get("kendra") + "/a2a skill search");
            assertThat(Files.readString(manager.logs.resolve("agents/kendra.log")))
                    .containsPattern("INFO  \\[kendra\\] \\S+ : \\[req=it-trace-1\\] POST /a2a answered 200");
        });
    }

    @Test
    @Order(5)
    void oneTraceCoversAnInstructionFromTheOrchestratorThroughItsCallToKendra() throws Exception {
        String traceId = UUID.randomUUID().toString().replace("-", "");
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(URI.create(urls.get("orchestrator") + "/instructions"))
                        .header("Content-Type", "application/json")
                        .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"text\": \"Busca información sobre energía solar\", \"execute\": true}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);

        // Agents export in batches (every 0.5 s here).
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<OtlpReceiver.ReceivedSpan> trace = otlp.trace(traceId);
            OtlpReceiver.ReceivedSpan instruction = only(trace, "orchestrator", "http post /instructions");
            assertThat(instruction.parentSpanId()).isEqualTo("00f067aa0ba902b7");
            OtlpReceiver.ReceivedSpan routing = only(trace, "orchestrator", "instruction routing");
            OtlpReceiver.ReceivedSpan call = only(trace, "orchestrator", "agent call");
            assertThat(List.of(routing.parentSpanId(), call.parentSpanId())).containsOnly(instruction.spanId());
            // The A2A call carries the "agent call" span's traceparent (the A2A client's own HTTP client makes no
            // span of its own), so kendra's server span is that span's child.
            OtlpReceiver.ReceivedSpan a2a = only(trace, "kendra", "http post /a2a");
            assertThat(a2a.parentSpanId()).isEqualTo(call.spanId());
        });
        // The manager's own spans went to the same receiver: the launch of each agent, step by step.
        assertThat(otlp.spans)
                .filteredOn(span -> span.service().equals("runtime-manager"))
                .extracting(OtlpReceiver.ReceivedSpan::name)
                .contains("agent launch", "start slot wait", "spawn", "readiness", "http post /api/launch_agents");
        assertThat(Files.readString(manager.logs.resolve("agents/kendra.log"))).contains("[trace=" + traceId + "]");
    }

    private static OtlpReceiver.ReceivedSpan only(List<OtlpReceiver.ReceivedSpan> trace, String service, String name) {
        return assertThat(trace)
                .filteredOn(
                        span -> span.service().equals(service) && span.name().equals(name))
                .as("%s span of %s in %s", name, service, trace)
                .singleElement()
                .actual();
    }

    @Test
    @Order(5)
    void anInstructionWritesAndReadsAFileThroughVfs() throws Exception {
        HttpResponse<String> written = instruct(
                "{\"text\": \"Save \\\"hello from the orchestrator\\\" into " + "notes/hello.txt\", \"execute\": true}",
                "it-vfs-1");
        assertThat(written.statusCode()).as(written.body()).isEqualTo(200);
        assertThat(JSON.readTree(written.body())
                        .path("execution")
                        .path("answer")
                        .path("path")
                        .asString())
                .isEqualTo("notes/hello.txt");

        HttpResponse<String> read =
                instruct("{\"text\": \"Lee el archivo notes/hello.txt\", \"execute\": true}", "it-vfs-2");
        assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
        assertThat(JSON.readTree(read.body())
                        .path("execution")
                        .path("answer")
                        .path("text")
                        .asString())
                .isEqualTo("hello from the orchestrator");
    }

    @Test
    @Order(6)
    void aCompoundInstructionRunsAsAPlanKendraSearchesThenGpt4SummarisesWhatItFound() throws Exception {
        String traceId = UUID.randomUUID().toString().replace("-", "");
        HttpResponse<String> response = instruct(
                "{\"text\": \"Busca información sobre inteligencia artificial y resúmela\", \"execute\": true}",
                "it-plan-1",
                HttpRequest.newBuilder().header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01"));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode plan = JSON.readTree(response.body()).path("plan");
        assertThat(plan.path("compound").asBoolean()).isTrue();
        JsonNode search = plan.path("steps").path(0);
        JsonNode summary = plan.path("steps").path(1);
        assertThat(search.path("choice").path("agent").asString()).isEqualTo("kendra");
        assertThat(search.path("status").asString()).isEqualTo("completed");
        assertThat(search.path("execution")
                        .path("answer")
                        .path("hits")
                        .path(0)
                        .path("id")
                        .asString())
                .isEqualTo("ia-1");
        assertThat(summary.path("choice").path("skill").asString()).isEqualTo("summarize");
        assertThat(summary.path("status").asString()).isEqualTo("completed");
        assertThat(summary.path("input").asString()).isEqualTo("output of step 1");
        assertThat(summary.path("execution").path("answer").path("text").asString())
                .isNotBlank();
        // What gpt4 was asked to summarise is what kendra found: its task keeps the message it was sent.
        JsonNode task = a2a(
                urls.get("gpt4"),
                "GetTask",
                "{\"id\": \"" + summary.path("execution").path("task_id").asString() + "\"}");
        assertThat(task.path("result").path("history").path(0).toString())
                .contains("La inteligencia artificial estudia sistemas que aprenden de los datos.");
        // Each step's agent continues the plan's trace under that step's "agent call" span, gpt4's as well.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<OtlpReceiver.ReceivedSpan> trace = otlp.trace(traceId);
            List<String> calls = trace.stream()
                    .filter(span ->
                            span.service().equals("orchestrator") && span.name().equals("agent call"))
                    .map(OtlpReceiver.ReceivedSpan::spanId)
                    .toList();
            assertThat(calls).hasSize(2);
            assertThat(List.of(
                            only(trace, "kendra", "http post /a2a").parentSpanId(),
                            only(trace, "gpt4", "http post /a2a").parentSpanId()))
                    .containsExactlyInAnyOrderElementsOf(calls);
        });
        assertThat(Files.readString(manager.logs.resolve("agents/gpt4.log"))).contains("[trace=" + traceId + "]");
    }

    @Test
    @Order(6)
    void overA2aAPlanStreamsEachStepsProgress() throws Exception {
        String events = HTTP.send(
                        HttpRequest.newBuilder(URI.create(urls.get("orchestrator") + "/a2a"))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(
                                        "{\"jsonrpc\": \"2.0\", \"id\": 1, \"method\": \"SendStreamingMessage\", "
                                                + "\"params\": {\"message\": {\"messageId\": \"it-s1\", \"role\": "
                                                + "\"ROLE_USER\", \"parts\": [{\"text\": \"Search for information "
                                                + "about artificial intelligence and summarise it\"}]}}}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();

        assertThat(events)
                .contains("Step 1 of 2: Search for information about artificial intelligence (search of kendra)")
                .contains("Step 2 of 2: summarise it (summarize of gpt4) on output of step 1")
                .contains("TASK_STATE_COMPLETED");
    }

    @Test
    @Order(6)
    void aStepThatFailsStopsThePlanAndTheAnswerSaysWhichAndWhy() throws Exception {
        HttpResponse<String> response = instruct(
                "{\"text\": \"read notes/missing.md and translate it into Spanish\", \"execute\": true}", "it-plan-2");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(502);
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.path("detail").asString())
                .startsWith("Step 1 of 2 (vfs.read of vfs: \"read notes/missing.md\") failed: vfs's task ")
                .contains("ended failed: ", "notes/missing.md")
                .endsWith("The plan stopped there: step 2 did not run.");
        assertThat(problem.path("failed_step").asInt()).isEqualTo(1);
        assertThat(problem.path("plan").path("steps").path(1).path("status").asString())
                .isEqualTo("not run");
    }

    @Test
    @Order(7)
    void aPythonAgentServingA2aIsDiscoveredRoutedToAndExecuted() throws Exception {
        HttpResponse<String> response =
                instruct("{\"text\": \"What's the weather in Madrid tomorrow?\", \"execute\": true}", "it-py-1");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode answer = JSON.readTree(response.body());
        assertThat(answer.path("choice").path("agent").asString()).isEqualTo("weather");
        assertThat(answer.path("choice").path("url").asString()).isEqualTo(urls.get("weather"));
        assertThat(answer.path("choice").path("executable").asBoolean()).isTrue();
        assertThat(answer.path("execution").path("request").asString())
                .isEqualTo("A2A SendMessage " + urls.get("weather") + "/a2a skill forecast");
        assertThat(answer.path("execution").path("answer").path("city").asString())
                .isEqualTo("Madrid");
        assertThat(answer.path("execution").path("answer").path("request_id").asString())
                .isEqualTo("it-py-1");
    }

    static JsonNode a2a(String agentUrl, String method, String params) throws Exception {
        return JSON.readTree(HTTP.send(
                        HttpRequest.newBuilder(URI.create(agentUrl + "/a2a"))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\": \"2.0\", \"id\": 1, "
                                        + "\"method\": \"" + method + "\", \"params\": " + params + "}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body());
    }

    @Test
    @Order(7)
    void theConsoleAsksForTheKeyThenShowsTheOrchestratorsChoicePlanAndAnswer() throws Exception {
        WebDriver browser = HeadlessChromium.start();
        try {
            browser.get(manager.url + "/");
            // The manager answers 401 without the key: the page asks for it, and again when it is wrong.
            enterKey(browser, "not-the-key");
            enterKey(browser, manager.apiKey);
            assertThat(text(browser, "forget-key")).isEqualTo("Forget key");
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> text(browser, "stream").equals("events: live"));
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> !browser.findElements(By.cssSelector("#agents tr[data-agent='kendra']"))
                            .isEmpty());
            JavascriptExecutor page = (JavascriptExecutor) browser;
            assertThat(page.executeScript("return sessionStorage.getItem('runtime-api-key');"))
                    .isEqualTo(manager.apiKey);
            assertThat(page.executeScript("return localStorage.length;")).isEqualTo(0L);

            browser.findElement(By.id("instruction")).sendKeys("Busca información sobre inteligencia artificial");
            browser.findElement(By.id("execute")).click();
            browser.findElement(By.cssSelector("#instruct-form button[type=submit]"))
                    .click();

            await().atMost(Duration.ofSeconds(30))
                    .until(() -> text(browser, "instruct-result").contains("answer"));
            String result = text(browser, "instruct-result");
            assertThat(result)
                    .contains("kendra, skill search")
                    .contains("plan")
                    .contains("A2A SendMessage " + urls.get("kendra") + "/a2a skill search")
                    .contains("\"id\": \"ia-1\""); // indexed by the search test of order 4
        } finally {
            browser.quit();
        }
    }

    /** Waits for the page's key dialog and enters {@code key} in it. */
    private static void enterKey(WebDriver browser, String key) {
        await().atMost(Duration.ofSeconds(20))
                .until(() -> Boolean.TRUE.equals(((JavascriptExecutor) browser)
                        .executeScript("return document.getElementById('key-dialog').open;")));
        browser.findElement(By.id("key-input")).clear();
        browser.findElement(By.id("key-input")).sendKeys(key);
        browser.findElement(By.cssSelector("#key-form button[type=submit]")).click();
    }

    private static String text(WebDriver browser, String id) {
        return browser.findElement(By.id(id)).getText();
    }

    @Test
    @Order(8)
    void anAgentThatStopsIsDroppedWithinSecondsAndInstructionsSayHowToLaunchIt() throws Exception {
        manager.post("/api/stop_agent?agent_name=kendra", "");

        // The orchestrator's poll runs every 30 s: within 5 s only the manager's events can have told it.
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            List<String> names = new ArrayList<>();
            get(urls.get("orchestrator") + "/agents")
                    .path("agents")
                    .values()
                    .forEach(a -> names.add(a.path("name").asString()));
            assertThat(names).doesNotContain("kendra").contains("vfs");
        });
        JsonNode answer = JSON.readTree(instruct("{\"text\": \"Find documents about renewable energy\"}", "it-stop")
                .body());
        assertThat(answer.path("choice").path("agent").asString()).isEqualTo("kendra");
        assertThat(answer.path("choice").path("running").asBoolean()).isFalse();
        assertThat(answer.path("choice").path("launch").asString())
                .isEqualTo("curl -X POST " + manager.url
                        + "/api/launch_agents -H \"Content-Type: application/json\" -H \"X-API-Key: "
                        + "$RUNTIME_API_KEY\" -d "
                        + "'{\"agents\": [\"kendra\"], \"resources\": {}}'");
    }

    @Test
    @Order(9)
    void aTaskIsStillAnsweredAfterItsAgentRestarts() throws Exception {
        Task sent = new A2aCalls(A2aCalls.card(urls.get("vfs")))
                .send(A2aCalls.data(Map.of("skill", "vfs.list", "input", Map.of())));
        assertThat(sent.status().state()).isEqualTo(TaskState.TASK_STATE_COMPLETED);

        // Other resources than its launch's: the manager stops the process and starts a new one on the same home.
        JsonNode relaunched =
                manager.post("/api/launch_agents", "{\"agents\": [\"vfs\"], \"resources\": {\"note\": {\"n\": 1}}}");
        assertThat(relaunched.path("agents").path(0).path("action").asString()).isEqualTo("RESTARTED");

        Task after = new A2aCalls(A2aCalls.card(
                        relaunched.path("agents").path(0).path("url").asString()))
                .get(sent.id());
        assertThat(after.status().state()).isEqualTo(TaskState.TASK_STATE_COMPLETED);
        assertThat(after.artifacts()).hasSameSizeAs(sent.artifacts());
    }
}
