package dev.runtimeservice.agent.kendra.vfs;

import dev.runtimeservice.agent.sdk.skill.Skills;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** {@code POST /ingest/vfs}: index files of the vfs agent by path or glob, through the {@code ingest-vfs} skill. */
@RestController
class VfsIngestController {

    private final Skills skills;

    VfsIngestController(Skills skills) {
        this.skills = skills;
    }

    @PostMapping(path = "/ingest/vfs", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> ingest(@RequestBody JsonNode body) {
        VfsIngestResult result = skills.data(VfsIngestSkill.ID, body, VfsIngestResult.class);
        if (result.indexed() == 0
                && (!result.failed().isEmpty() || !result.skipped().isEmpty())) {
            return nothingIndexed(result);
        }
        return ResponseEntity.ok(result);
    }

    /** Files were found but none could be indexed: a client error, with every file and why. */
    private static ResponseEntity<ProblemDetail> nothingIndexed(VfsIngestResult result) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.UNPROCESSABLE_CONTENT,
                "No file could be indexed; see 'skipped' and 'failed' for each file and what to change.");
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("indexed", 0);
        properties.put("skipped", result.skipped());
        properties.put("failed", result.failed());
        properties.put("truncated", result.truncated());
        properties.put("vfs", result.vfs());
        problem.setProperties(properties);
        return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
