package dev.runtimeservice.agent.kendra.ingest;

import dev.runtimeservice.agent.kendra.embedding.TextEmbedder;
import dev.runtimeservice.agent.kendra.index.IndexedDocument;
import dev.runtimeservice.agent.kendra.index.LuceneIndex;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** The ingest API: add or replace documents in batches, read and delete one by id, index stats. */
@RestController
class DocumentController {

    static final String NDJSON = "application/x-ndjson";

    private final IngestService ingest;
    private final LuceneIndex index;

    DocumentController(IngestService ingest, LuceneIndex index) {
        this.ingest = ingest;
        this.index = index;
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
        return ingest.get(idOf(id));
    }

    @DeleteMapping("/documents/{*id}")
    ResponseEntity<Void> delete(@PathVariable String id) {
        ingest.delete(idOf(id));
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/index")
    Map<String, Object> stats() {
        return Map.of("documents", index.count(), "embedding_model", TextEmbedder.MODEL_NAME,
                "analysis", Map.of("es", "Spanish: stop words, Snowball stemmer, accent folding",
                        "en", "English: stop words, Porter stemmer, accent folding",
                        "other", "lower case and accent folding"));
    }

    /** The id after {@code /documents/}; {@code {*id}} captures it with its leading slash, or empty. */
    private static String idOf(String captured) {
        return captured.startsWith("/") ? captured.substring(1) : captured;
    }

    /** A batch where nothing could be indexed is a client error; a partial one is acknowledged. */
    private static ResponseEntity<?> answer(IngestResult result) {
        if (result.indexed() == 0 && !result.failed().isEmpty()) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
                    "No document of the batch could be indexed; see 'failed' for each one and what to change.");
            problem.setProperty("indexed", 0);
            problem.setProperty("failed", result.failed());
            return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT)
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
        }
        return ResponseEntity.ok(result);
    }
}
