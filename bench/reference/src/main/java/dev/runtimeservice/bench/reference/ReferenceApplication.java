package dev.runtimeservice.bench.reference;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** A minimal Spring Boot web app with actuator: one endpoint and the readiness probe, nothing else. */
@SpringBootApplication
@RestController
public class ReferenceApplication {

    @GetMapping("/hello")
    String hello() {
        return "hello";
    }

    public static void main(String[] args) {
        SpringApplication.run(ReferenceApplication.class, args);
    }
}
