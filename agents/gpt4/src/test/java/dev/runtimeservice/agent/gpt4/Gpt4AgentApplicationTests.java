package dev.runtimeservice.agent.gpt4;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/** The agent with no provider configured: the contract works, and generation says how to configure one. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class Gpt4AgentApplicationTests {

    @LocalServerPort
    int port;

    private RestTestClient client() {
        return RestTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).build();
    }

    @Test
    void rootNamesTheAgentAndSaysHonestlyWhatItCanDo() {
        client().get()
                .uri("/")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.name")
                .isEqualTo("gpt4")
                .jsonPath("$.description")
                .isEqualTo(Gpt4AgentApplication.DESCRIPTION)
                .jsonPath("$.version")
                .isEqualTo("0.1.0-SNAPSHOT");
    }

    @Test
    void agentCardListsTheGenerationSummarisingTranslatingAndRewritingSkills() {
        client().get()
                .uri("/.well-known/agent-card.json")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.protocolVersion")
                .isEqualTo("0.3.0")
                .jsonPath("$.name")
                .isEqualTo("gpt4")
                .jsonPath("$.description")
                .isEqualTo(Gpt4AgentApplication.DESCRIPTION)
                .jsonPath("$.skills[*].id")
                .value(
                        Object.class,
                        ids -> assertThat(ids.toString()).contains("generate", "summarize", "translate", "rewrite"))
                .jsonPath("$.skills[0].examples")
                .isNotEmpty();
    }

    @Test
    void everyGenerationEndpointAnswers503SayingHowToConfigureAProvider() {
        for (String[] call : new String[][] {
            {"/generate", "{\"prompt\":\"Hello\"}"},
            {"/tasks/summarize", "{\"text\":\"A long text.\"}"},
            {"/tasks/translate", "{\"text\":\"Hola\",\"target_language\":\"English\"}"},
            {"/tasks/rewrite", "{\"text\":\"hey\",\"instruction\":\"more formal\"}"},
            {"/v1/chat/completions", "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}"}
        }) {
            client().post()
                    .uri(call[0])
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(call[1])
                    .exchange()
                    .expectStatus()
                    .isEqualTo(503)
                    .expectHeader()
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody()
                    .jsonPath("$.detail")
                    .value(
                            String.class,
                            detail -> assertThat(detail)
                                    .startsWith("No text-generation provider is configured")
                                    .contains("GPT4_OPENAI_BASE_URL", "GPT4_MODEL_PATH", "\"openai\""));
        }
        client().get().uri("/v1/models").exchange().expectStatus().isEqualTo(503);
    }

    @Test
    void statusSaysThatNoProviderIsConfiguredAndHowToConfigureOne() {
        client().get()
                .uri("/status")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.state")
                .isEqualTo("RUNNING")
                .jsonPath("$.generation.provider")
                .isEqualTo("none")
                .jsonPath("$.generation.detail")
                .value(String.class, detail -> assertThat(detail).contains("GPT4_OPENAI_BASE_URL", "GPT4_MODEL_PATH"));
    }
}
