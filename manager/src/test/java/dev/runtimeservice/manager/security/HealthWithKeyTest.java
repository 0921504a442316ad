package dev.runtimeservice.manager.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** With an API key set, health tells a stranger UP or DOWN only; its details (agents, disk path) need the key. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "runtime.security.api-key=health-test-key", "runtime.agents-dir=src/test/resources/test-agents",
            "runtime.log-dir=target/health-key-logs", "runtime.state.dir=target/health-key-state/${random.uuid}"
        })
class HealthWithKeyTest {

    @LocalServerPort
    int port;

    @Test
    void aStrangerSeesOnlyTheStatus() {
        given().port(port)
                .get("/actuator/health")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("$", not(hasKey("components")))
                .body("$", not(hasKey("details")));
        given().port(port)
                .get("/actuator/health/readiness")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"));
    }

    @Test
    void theKeyHolderSeesTheAgentsAndTheDisk() {
        given().port(port)
                .header("X-API-Key", "health-test-key")
                .get("/actuator/health")
                .then()
                .statusCode(200)
                .body("components", hasKey("agents"))
                .body("components", hasKey("diskSpace"));
        given().port(port)
                .header("Authorization", "Bearer health-test-key")
                .get("/actuator/health")
                .then()
                .body("components", hasKey("agents"));
        given().port(port)
                .header("X-API-Key", "wrong")
                .get("/actuator/health")
                .then()
                .statusCode(200)
                .body("$", not(hasKey("components")));
    }
}
