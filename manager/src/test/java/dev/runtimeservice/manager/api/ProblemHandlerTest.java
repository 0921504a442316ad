package dev.runtimeservice.manager.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotWritableException;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.context.request.ServletWebRequest;

/** Errors after an answer was committed (a stream whose client left) are not told to anyone, and not warned of. */
@ExtendWith(OutputCaptureExtension.class)
class ProblemHandlerTest {

    private final ProblemHandler handler = new ProblemHandler();

    @Test
    void anErrorAfterTheAnswerWasCommittedIsDroppedWithoutAWarning(CapturedOutput output) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        response.setCommitted(true);

        ResponseEntity<Object> answer = handler.handleException(
                new HttpMessageNotWritableException("No converter for ProblemDetail"),
                new ServletWebRequest(new MockHttpServletRequest("GET", "/api/agents/vfs/logs"), response));

        assertThat(answer).isNull();
        assertThat(output).doesNotContain("Response already committed");
    }

    @Test
    void anErrorBeforeTheAnswerIsCommittedStillBecomesAProblem() throws Exception {
        ResponseEntity<Object> answer = handler.handleException(
                new HttpMessageNotWritableException("No converter"),
                new ServletWebRequest(
                        new MockHttpServletRequest("GET", "/api/list_agents"), new MockHttpServletResponse()));

        assertThat(answer).isNotNull();
        assertThat(answer.getStatusCode().value()).isEqualTo(500);
    }
}
