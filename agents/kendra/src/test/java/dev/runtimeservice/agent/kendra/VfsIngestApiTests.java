package dev.runtimeservice.agent.kendra;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/**
 * Indexing from vfs where no manager answers, and requests refused before anything is asked; the real manager
 * and vfs are in the manager module's {@code KendraVfsIngestIT}, which runs once every jar is built.
 */
class VfsIngestApiTests extends AgentHttpTest {

    @Test
    void whenTheManagerDoesNotAnswerIngestFromVfsIsAServiceUnavailableProblemThatSaysWhatToStart() {
        client().post()
                .uri("/ingest/vfs")
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"glob\": \"**/*.md\"}")
                .exchange()
                .expectStatus()
                .isEqualTo(503)
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.detail")
                .value(detail -> assertThat(detail.toString())
                        .contains("The manager at " + ABSENT_MANAGER + " did not answer")
                        .contains("java -jar manager/target/runtime-manager.jar", "MANAGER_URL", "KENDRA_VFS_URL"));
    }

    @Test
    void aRequestWithNeitherPathsNorGlobIsABadRequestProblem() {
        client().post()
                .uri("/ingest/vfs")
                .contentType(MediaType.APPLICATION_JSON)
                .body("{}")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.detail")
                .value(detail -> assertThat(detail.toString()).contains("'paths'", "'glob'"));
    }

    @Test
    void malformedFieldsAreRefusedBeforeTheManagerIsAsked() {
        expectBadRequest("{\"paths\": \"docs/a.md\"}", "'paths' must be a list");
        expectBadRequest("{\"paths\": [\"\"]}", "non-empty string");
        expectBadRequest("{\"path\": \"docs\"}", "Unknown field 'path'");
        expectBadRequest("{\"folder\": \"docs\", \"paths\": [\"a.md\"]}", "give a 'glob' too");
        expectBadRequest("{\"glob\": \"**\", \"language\": \"castellano antiguo\"}", "'language' must be");
        expectBadRequest("{\"glob\": \"**\", \"metadata\": {\"bad key\": 1}}", "metadata key 'bad key'");
        expectBadRequest("{\"glob\": \"**\", \"metadata\": [1]}", "'metadata' must be a JSON object");
    }

    @Test
    void anIdHoldingSlashesSuchAsAVfsPathCanBeReadAndDeleted() {
        client().post()
                .uri("/documents")
                .contentType(MediaType.APPLICATION_JSON)
                .body("[{\"id\": \"vfs:slash-suite/deep/a.md\", \"text\": \"an id with slashes\"}]")
                .exchange()
                .expectStatus()
                .isOk();
        client().get()
                .uri("/documents/vfs:slash-suite/deep/a.md")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.id")
                .isEqualTo("vfs:slash-suite/deep/a.md");
        client().delete()
                .uri("/documents/vfs:slash-suite/deep/a.md")
                .exchange()
                .expectStatus()
                .isNoContent();
        client().get()
                .uri("/documents/vfs:slash-suite/deep/a.md")
                .exchange()
                .expectStatus()
                .isNotFound();
    }

    private void expectBadRequest(String body, String detailPart) {
        client().post()
                .uri("/ingest/vfs")
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.detail")
                .value(detail -> assertThat(detail.toString()).as(body).contains(detailPart));
    }
}
