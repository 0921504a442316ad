package dev.runtimeservice.agent.kendra.ingest;

import dev.runtimeservice.agent.kendra.index.IndexedDocument;
import dev.runtimeservice.agent.sdk.skill.Skills;
import java.io.InputStream;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The ingest API: add or replace documents in batches, read and delete one by id, index stats, each through its
 * skill as A2A calls it. A batch goes to the {@code ingest} skill as the request body's stream, so that a large
 * NDJSON upload is never held in memory.
 */
@RestController
class DocumentController {

    static final String NDJSON = "application/x-ndjson";

    private final Skills skills;

    DocumentController(Skills skills) {
        this.skills = skills;
    }

    @PostMapping(path = "/documents", consumes = MediaType.APPLICATION_JSON_VALUE)
    IngestResult addJson(InputStream body) {
        return skills.data("ingest", DocumentBatch.json(body), IngestResult.class);
    }

    @PostMapping(path = "/documents", consumes = NDJSON)
    IngestResult addLines(InputStream body) {
        return skills.data("ingest", DocumentBatch.ndjson(body), IngestResult.class);
    }

    // {*id} takes the rest of the path, so that ids holding '/' (such as vfs:docs/a.md) can be read and deleted.
    @GetMapping("/documents/{*id}")
    IndexedDocument get(@PathVariable String id) {
        return skills.data("documents", new DocumentCall(idOf(id), null), IndexedDocument.class);
    }

    @DeleteMapping("/documents/{*id}")
    ResponseEntity<Void> delete(@PathVariable String id) {
        skills.call("documents", new DocumentCall(idOf(id), true));
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/index")
    Object stats() {
        return skills.call("documents", new DocumentCall(null, null)).data();
    }

    /** The id after {@code /documents/}; {@code {*id}} captures it with its leading slash, or empty. */
    private static String idOf(String captured) {
        return captured.startsWith("/") ? captured.substring(1) : captured;
    }

    /** A batch where nothing could be indexed is a client error; a partial one is acknowledged with 200. */
    @ExceptionHandler(NothingIndexedException.class)
    ResponseEntity<ProblemDetail> nothingIndexed(NothingIndexedException e) {
        ProblemDetail problem =
                ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, NothingIndexedException.DETAIL);
        problem.setProperty("indexed", 0);
        problem.setProperty("failed", e.result().failed());
        return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
