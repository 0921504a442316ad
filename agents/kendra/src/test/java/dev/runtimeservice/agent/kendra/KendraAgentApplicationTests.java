package dev.runtimeservice.agent.kendra;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtimeservice.agent.kendra.index.LuceneIndex;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

/** The agent over real HTTP: contract, card, status and the document API's error answers. */
class KendraAgentApplicationTests extends AgentHttpTest {

    @Autowired
    LuceneIndex index;

    @Test
    void rootNamesTheAgentAndSaysHonestlyWhatItCanDo() {
        client().get()
                .uri("/")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.name")
                .isEqualTo("kendra")
                .jsonPath("$.description")
                .isEqualTo(KendraAgentApplication.DESCRIPTION)
                .jsonPath("$.version")
                .isEqualTo("0.1.0-SNAPSHOT");
    }

    @Test
    void agentCardListsTheSearchIngestVfsIngestAndDocumentSkillsWithExamples() {
        client().get()
                .uri("/.well-known/agent-card.json")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.protocolVersion")
                .isEqualTo("0.3.0")
                .jsonPath("$.supportedInterfaces[0].protocolBinding")
                .isEqualTo("JSONRPC")
                .jsonPath("$.description")
                .isEqualTo(KendraAgentApplication.DESCRIPTION)
                .jsonPath("$.skills[*].id")
                .value(ids -> assertThat(ids.toString()).contains("search", "ingest", "ingest-vfs", "documents"))
                .jsonPath("$.skills[0].examples")
                .isNotEmpty();
    }

    @Test
    void anA2aTextMessageIsSearchedAndADataPartNamingIngestIndexes() {
        client().post()
                .uri("/a2a")
                .contentType(MediaType.APPLICATION_JSON)
                .body("""
                {"jsonrpc": "2.0", "id": 1, "method": "SendMessage", "params": {"message": {"messageId": "m1",
                 "role": "ROLE_USER", "metadata": {"skill": "ingest"}, "parts": [{"data": {"documents": [
                 {"id": "a2a-1", "text": "Wind turbines turn wind into electricity", "language": "en"}]}}]}}}""")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.result.task.status.state")
                .isEqualTo("TASK_STATE_COMPLETED")
                .jsonPath("$.result.task.artifacts[0].parts[1].data.indexed")
                .isEqualTo(1);

        client().post()
                .uri("/a2a")
                .contentType(MediaType.APPLICATION_JSON)
                .body("""
                {"jsonrpc": "2.0", "id": 2, "method": "SendMessage", "params": {"message": {"messageId": "m2",
                 "role": "ROLE_USER", "parts": [{"text": "wind turbines"}]}}}""")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.result.task.metadata.skill")
                .isEqualTo("search")
                .jsonPath("$.result.task.status.state")
                .isEqualTo("TASK_STATE_COMPLETED")
                .jsonPath("$.result.task.artifacts[0].parts[1].data.hits[0].id")
                .isEqualTo("a2a-1");
    }

    @Test
    void statusReportsTheSharepointResourceAsNotUsedWithTheReasonAndNeverItsValue() {
        client().get()
                .uri("/status")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.resources[0].name")
                .isEqualTo("sharepoint")
                .jsonPath("$.resources[0].used")
                .isEqualTo(false)
                .jsonPath("$.resources[0].reason")
                .isEqualTo(SharepointResourceConsumer.REASON);
        byte[] raw = client().get()
                .uri("/status")
                .exchange()
                .expectBody()
                .returnResult()
                .getResponseBodyContent();
        assertThat(new String(raw, StandardCharsets.UTF_8)).doesNotContain("s3cr3t", "example.com");
    }

    @Test
    void theIndexLivesUnderTheAgentsHome() {
        assertThat(index.path()).isEqualTo(HOME.resolve("data").resolve("index"));
        assertThat(HOME.resolve("data").resolve("index")).isDirectory();
    }

    @Test
    void aMissingDocumentIsANotFoundProblemThatSaysWhatToDo() {
        client().get()
                .uri("/documents/no-such-id")
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.detail")
                .value(detail -> assertThat(detail.toString()).contains("POST /documents"));
        client().delete().uri("/documents/no-such-id").exchange().expectStatus().isNotFound();
    }

    @Test
    void anUnknownModeOrAnEmptyQueryIsABadRequestProblem() {
        client().get()
                .uri("/search?q=x&mode=fuzzy")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.detail")
                .isEqualTo("Unknown mode 'fuzzy'; use keyword, semantic or hybrid.");
        client().post()
                .uri("/search")
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"query\": \" \"}")
                .exchange()
                .expectStatus()
                .isBadRequest();
        client().get().uri("/search?q=x&top_k=0").exchange().expectStatus().isBadRequest();
    }

    @Test
    void aBatchWhereNothingCanBeIndexedIsAnUnprocessableProblemListingEachDocument() {
        client().post()
                .uri("/documents")
                .contentType(MediaType.APPLICATION_JSON)
                .body("[{\"id\": \"empty\", \"text\": \"\"}, {\"text\": \"no id\"}]")
                .exchange()
                .expectStatus()
                .isEqualTo(422)
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.indexed")
                .isEqualTo(0)
                .jsonPath("$.failed[0].id")
                .isEqualTo("empty")
                .jsonPath("$.failed[1].position")
                .isEqualTo(2);
    }

    @Test
    void overA2aTheSameBatchFailsTheTaskWithEachDocumentAndWhatToChange() {
        client().post()
                .uri("/a2a")
                .contentType(MediaType.APPLICATION_JSON)
                .body("""
                {"jsonrpc": "2.0", "id": 1, "method": "SendMessage", "params": {"message": {"messageId": "m3",
                 "role": "ROLE_USER", "metadata": {"skill": "ingest"}, "parts": [{"data":
                 [{"id": "empty", "text": ""}, {"text": "no id"}]}]}}}""")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.result.task.status.state")
                .isEqualTo("TASK_STATE_FAILED")
                .jsonPath("$.result.task.status.message.parts[0].text")
                .value(text -> assertThat(text.toString())
                        .startsWith("No document of the batch could be indexed: #1 (empty): ")
                        .contains("#2: ")
                        .endsWith("Fix them and send the batch again."));
    }
}
