package dev.runtimeservice.agent.orchestrator.instructions;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.json.JsonMapper;

/**
 * The HTTP call behind each built-in skill the orchestrator can execute, keyed {@code agent:skill}, built from the
 * instruction's arguments (the vfs, kendra and gpt4 controllers define these calls). Deleting is left out on
 * purpose: a misread instruction must not destroy data.
 */
final class SkillCalls {

    private final JsonMapper json;
    private final Map<String, BiFunction<Arguments, String, HttpCall>> calls;

    SkillCalls(JsonMapper json) {
        this.json = json;
        this.calls = Map.ofEntries(
                Map.entry(
                        "vfs:vfs.list",
                        (a, p) -> HttpCall.get(
                                "/fs/list" + query(a.paths().stream().findFirst()))),
                Map.entry("vfs:vfs.stat", (a, p) -> HttpCall.get("/fs/stat?path=" + HttpCall.encode(path(a)))),
                Map.entry("vfs:vfs.read", (a, p) -> HttpCall.get("/fs/content?path=" + HttpCall.encode(path(a)))),
                Map.entry("vfs:vfs.search", (a, p) -> search(a)),
                Map.entry(
                        "vfs:vfs.mkdir",
                        (a, p) -> new HttpCall(
                                "POST", "/fs/mkdir?parents=true&path=" + HttpCall.encode(path(a)), null, null)),
                Map.entry(
                        "vfs:vfs.write",
                        (a, p) -> new HttpCall(
                                "PUT",
                                "/fs/content?parents=true&path=" + HttpCall.encode(path(a)),
                                need(a.quoted(), "the text to write, in quotes"),
                                "text/plain; charset=utf-8")),
                Map.entry("vfs:vfs.move", (a, p) -> move(a)),
                Map.entry(
                        "kendra:search",
                        (a, p) -> HttpCall.json(
                                "POST", "/search", write(Map.of("query", a.topic(), "mode", "hybrid", "top_k", 5)))),
                Map.entry(
                        "kendra:ingest",
                        (a, p) -> HttpCall.json(
                                "POST",
                                "/documents",
                                write(List.of(Map.of(
                                        "id",
                                        "orchestrator-"
                                                + Integer.toHexString(
                                                        a.payload().orElse("").hashCode()),
                                        "text",
                                        need(a.payload(), "the text to index, after a colon or in quotes")))))),
                Map.entry("kendra:ingest-vfs", (a, p) -> vfsIngest(a)),
                Map.entry(
                        "kendra:documents",
                        (a, p) -> a.documentId()
                                .map(id -> HttpCall.get("/documents/" + HttpCall.encode(id)))
                                .orElse(HttpCall.get("/index"))),
                Map.entry(
                        "gpt4:generate",
                        (a, p) -> HttpCall.json("POST", "/generate", write(Map.of("prompt", p, "max_tokens", 256)))),
                Map.entry(
                        "gpt4:summarize",
                        (a, p) -> HttpCall.json(
                                "POST",
                                "/tasks/summarize",
                                write(Map.of(
                                        "text",
                                        need(a.payload(), "the text to summarise, after a colon or in quotes"))))),
                Map.entry(
                        "gpt4:translate",
                        (a, p) -> HttpCall.json(
                                "POST",
                                "/tasks/translate",
                                write(Map.of(
                                        "text", need(a.payload(), "the text to translate, after a colon or in quotes"),
                                        "target_language",
                                                need(a.targetLanguage(), "the language to translate into"))))),
                Map.entry(
                        "gpt4:rewrite",
                        (a, p) -> HttpCall.json(
                                "POST",
                                "/tasks/rewrite",
                                write(Map.of(
                                        "text", need(a.payload(), "the text to rewrite, after a colon or in quotes"),
                                        "instruction", a.head())))));
    }

    /** The keys of the skills this orchestrator can call. */
    java.util.Set<String> supported() {
        return calls.keySet();
    }

    /**
     * The call for a skill.
     *
     * @param key {@code agent:skill}
     * @param arguments the instruction's arguments
     * @param prompt the optimised prompt, for skills that take one
     * @return the call, or empty when the orchestrator has no mapping for that skill
     * @throws InstructionException (422) when the instruction lacks what the call needs
     */
    Optional<HttpCall> call(String key, Arguments arguments, String prompt) {
        return Optional.ofNullable(calls.get(key)).map(f -> f.apply(arguments, prompt));
    }

    private static String query(Optional<String> path) {
        return path.map(p -> "?path=" + HttpCall.encode(p)).orElse("");
    }

    private static String path(Arguments arguments) {
        return need(arguments.paths().stream().findFirst(), "a file or folder path, such as docs/notes.md");
    }

    private static HttpCall search(Arguments arguments) {
        StringBuilder query = new StringBuilder("/fs/search?");
        arguments
                .glob()
                .ifPresent(g -> query.append("glob=").append(HttpCall.encode(g)).append('&'));
        arguments
                .quoted()
                .ifPresent(t -> query.append("text=").append(HttpCall.encode(t)).append('&'));
        if (arguments.glob().isEmpty() && arguments.quoted().isEmpty()) {
            query.append("text=").append(HttpCall.encode(arguments.topic())).append('&');
        }
        return HttpCall.get(query.substring(0, query.length() - 1));
    }

    private HttpCall vfsIngest(Arguments arguments) {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        if (!arguments.paths().isEmpty()) {
            body.put("paths", arguments.paths());
        }
        arguments.glob().ifPresent(glob -> body.put("glob", glob));
        if (body.isEmpty()) {
            throw missing("which vfs files to index: paths (docs/a.md, reports) or a glob (*.md)");
        }
        return HttpCall.json("POST", "/ingest/vfs", write(body));
    }

    private static HttpCall move(Arguments arguments) {
        List<String> paths = arguments.paths();
        if (paths.size() < 2) {
            throw missing("two paths, what to move and where to (such as draft.md and docs/final.md)");
        }
        return new HttpCall(
                "POST",
                "/fs/move?from=" + HttpCall.encode(paths.get(0)) + "&to=" + HttpCall.encode(paths.get(1)),
                null,
                null);
    }

    private static String need(Optional<String> value, String what) {
        return value.orElseThrow(() -> missing(what));
    }

    private static InstructionException missing(String what) {
        return new InstructionException(
                HttpStatus.UNPROCESSABLE_CONTENT,
                "The instruction does not say " + what + "; add it to the instruction and send it again.");
    }

    private String write(Object body) {
        return json.writeValueAsString(body);
    }
}
