package dev.runtimeservice.agent.sdk.trace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtimeservice.agent.sdk.testapp.TestAgentApplication;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.client.RestTestClient;

@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(
        classes = TestAgentApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "agent.name=trace-agent")
class RequestIdTests {

    @LocalServerPort
    int port;

    RestTestClient client;

    @BeforeEach
    void client() {
        client = RestTestClient.bindToServer()
                .baseUrl("http://127.0.0.1:" + port)
                .build();
    }

    @Test
    void aCallersRequestIdIsEchoedAndStartsTheMessageOfTheRequestsLogLine(CapturedOutput output) {
        client.get()
                .uri("/status")
                .header(RequestIdFilter.HEADER, "req-42.a_b:c")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals(RequestIdFilter.HEADER, "req-42.a_b:c");

        assertThat(output.getOut())
                .containsPattern("(?m)^\\S+ INFO  \\[trace-agent\\] d\\.r\\.agent\\.sdk\\.trace\\.RequestIdFilter : "
                        + "\\[req=req-42\\.a_b:c\\] GET /status answered 200 in \\d+ ms \\[trace=[0-9a-f]{32}\\]$");
    }

    @Test
    void aRequestWithoutAnIdGetsANewOneAndNoRequestLogLine(CapturedOutput output) {
        String id = client.get()
                .uri("/")
                .exchange()
                .expectStatus()
                .isOk()
                .returnResult(String.class)
                .getResponseHeaders()
                .getFirst(RequestIdFilter.HEADER);

        assertThat(UUID.fromString(id)).isNotNull();
        assertThat(output.getOut()).doesNotContain(id).doesNotContain("GET / answered");
    }

    @Test
    void anUnsafeIdIsReplacedSoNothingForeignReachesTheLog() {
        assertThat(RequestIdFilter.idFor("evil\nline"))
                .isNotEqualTo("evil\nline")
                .hasSize(36);
        assertThat(RequestIdFilter.idFor("x".repeat(65))).hasSize(36);
        assertThat(RequestIdFilter.idFor("")).hasSize(36);
        assertThat(RequestIdFilter.idFor(null)).hasSize(36);
        assertThat(RequestIdFilter.idFor("abc")).isEqualTo("abc");
    }

    @Test
    void linesLoggedOutsideARequestKeepThePlainPrefix(CapturedOutput output) {
        assertThat(output.getOut())
                .containsPattern(
                        "(?m)^\\S+ INFO  \\[trace-agent\\] d\\.r\\.agent\\.sdk\\.lifecycle\\.StartupLog : Agent "
                                + "trace-agent ready");
    }
}
