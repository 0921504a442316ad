package dev.runtimeservice.agent.kendra.ingest;

import dev.runtimeservice.agent.kendra.index.IndexedDocument;
import dev.runtimeservice.agent.sdk.skill.Skills;
import java.io.IOException;
import java.io.InputStream;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The ingest API: add or replace documents in batches, read and delete one by id, index stats. Reading, deleting
 * and the stats go through the {@code documents} skill; batches stream straight into {@link IngestService} (the
 * service the {@code ingest} skill calls) so that a large NDJSON upload is never held in memory.
 */
@RestController
class DocumentController {

    static final String NDJSON = "application/x-ndjson";

    private final IngestService ingest;
    private final Skills skills;

    DocumentController(IngestService ingest, Skills skills) {
        this.ingest = ingest;
        this.skills = skills;
    }

    @PostMapping(path = "/documents", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> addJson(InputStream body) {
        return answer(ingest.ingestJson(body));
    }

    @PostMapping(path = "/documents", consumes = NDJSON)
    ResponseEntity<?> addLines(InputStream body) throws IOException {
        return answer(ingest.ingestLines(body));
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

    /** A batch where nothing could be indexed is a client error; a partial one is acknowledged. */
    private static ResponseEntity<?> answer(IngestResult result) {
        if (result.indexed() == 0 && !result.failed().isEmpty()) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                    HttpStatus.UNPROCESSABLE_CONTENT,
                    "No document of the batch could be indexed; see 'failed' for each one and what to change.");
            problem.setProperty("indexed", 0);
            problem.setProperty("failed", result.failed());
            return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT)
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(problem);
        }
        return ResponseEntity.ok(result);
    }
}
