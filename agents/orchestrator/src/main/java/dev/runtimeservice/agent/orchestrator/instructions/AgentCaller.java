package dev.runtimeservice.agent.orchestrator.instructions;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.runtimeservice.agent.orchestrator.OrchestratorProperties;
import dev.runtimeservice.agent.sdk.observability.OutgoingCalls;
import dev.runtimeservice.agent.sdk.trace.RequestIdFilter;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** Calls an agent's skill over HTTP with the request's id and a timeout, and turns every failure into a clear error. */
final class AgentCaller {

    private static final Logger log = LoggerFactory.getLogger(AgentCaller.class);
    private static final int MAX_TEXT = 64 * 1024;

    private final HttpClient http;
    private final Duration timeout;
    private final JsonMapper json;

    AgentCaller(OrchestratorProperties properties, JsonMapper json, OutgoingCalls outgoing) {
        this.timeout = properties.callTimeout();
        this.json = json;
        Duration connect = timeout.compareTo(Duration.ofSeconds(5)) < 0 ? timeout : Duration.ofSeconds(5);
        // Each call gets a client span and carries its W3C traceparent to the agent.
        this.http = outgoing.instrument(
                HttpClient.newBuilder().connectTimeout(connect).build());
    }

    Execution call(String agent, String baseUrl, HttpCall call, String requestId) {
        String target = call.method() + " " + baseUrl + call.path();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + call.path()))
                .timeout(timeout)
                .header(RequestIdFilter.HEADER, requestId)
                .method(
                        call.method(),
                        call.body() == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(call.body()));
        if (call.contentType() != null) {
            request.header("Content-Type", call.contentType());
        }
        log.info("Calling {} ({})", target, agent);
        long start = System.nanoTime();
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            long took = (System.nanoTime() - start) / 1_000_000;
            Object answer = body(response);
            log.info("{} answered {} in {} ms", target, response.statusCode(), took);
            if (response.statusCode() >= 400) {
                throw new InstructionException(
                                HttpStatus.BAD_GATEWAY,
                                "%s answered HTTP %d to %s: %s"
                                        .formatted(agent, response.statusCode(), target, detail(answer)))
                        .with("agent_status", response.statusCode())
                        .with("agent_answer", answer);
            }
            return new Execution(target, response.statusCode(), took, answer);
        } catch (HttpTimeoutException e) {
            throw new InstructionException(
                    HttpStatus.GATEWAY_TIMEOUT,
                    "%s did not answer %s within %s; try again, or ".formatted(agent, target, timeout)
                            + "raise orchestrator.call-timeout");
        } catch (ConnectException e) {
            throw new InstructionException(
                    HttpStatus.SERVICE_UNAVAILABLE,
                    ("%s did not accept a connection at %s; it "
                                    + "may have just stopped: check GET /agents and launch it again through the "
                                    + "manager")
                            .formatted(agent, baseUrl));
        } catch (IOException e) {
            throw new InstructionException(HttpStatus.BAD_GATEWAY, "%s failed: %s".formatted(target, e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InstructionException(HttpStatus.SERVICE_UNAVAILABLE, target + " was interrupted");
        }
    }

    private Object body(HttpResponse<String> response) {
        String body = response.body();
        if (response.headers().firstValue("Content-Type").orElse("").contains("json")) {
            try {
                return json.readTree(body);
            } catch (JacksonException notJson) {
                // answered as text below
            }
        }
        return body.length() > MAX_TEXT ? body.substring(0, MAX_TEXT) + "…(cut at 64 KiB)" : body;
    }

    private static String detail(Object answer) {
        if (answer instanceof tools.jackson.databind.JsonNode node
                && node.path("detail").isString()) {
            return node.path("detail").stringValue();
        }
        String text = answer.toString();
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }

    /**
     * An agent call that answered.
     *
     * @param request the method and URL called
     * @param status the agent's HTTP status
     * @param tookMs how long the call took
     * @param answer the agent's answer: JSON when it sent JSON, else text
     */
    record Execution(
            String request,
            int status,
            @JsonProperty("took_ms") long tookMs,
            Object answer) {}
}
