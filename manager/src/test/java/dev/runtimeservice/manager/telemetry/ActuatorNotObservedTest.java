package dev.runtimeservice.manager.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationPredicate;
import org.junit.jupiter.api.Test;
import org.springframework.http.server.observation.ServerRequestObservationContext;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** Health probes and scrapes of the manager are neither traced nor timed; its API requests are. */
class ActuatorNotObservedTest {

    private final ObservationPredicate predicate = new ActuatorNotObserved().skipActuatorRequests();

    @Test
    void actuatorRequestsAreLeftOutAndApiRequestsAreObserved() {
        assertThat(predicate.test("http.server.requests", request("/actuator/prometheus")))
                .isFalse();
        assertThat(predicate.test("http.server.requests", request("/actuator/health/readiness")))
                .isFalse();
        assertThat(predicate.test("http.server.requests", request("/api/list_agents")))
                .isTrue();
        assertThat(predicate.test("runtime.agent.launch", new Observation.Context()))
                .isTrue();
    }

    private static ServerRequestObservationContext request(String path) {
        return new ServerRequestObservationContext(
                new MockHttpServletRequest("GET", path), new MockHttpServletResponse());
    }
}
