package dev.runtimeservice.agent.orchestrator.instructions;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** An instruction that could not be carried out: answered as problem+json with extra fields that say what to do. */
class InstructionException extends RuntimeException {

    private final HttpStatus status;
    private final Map<String, Object> properties = new LinkedHashMap<>();

    InstructionException(HttpStatus status, String detail) {
        super(detail);
        this.status = status;
    }

    InstructionException with(String name, Object value) {
        properties.put(name, value);
        return this;
    }

    HttpStatus status() {
        return status;
    }

    Map<String, Object> properties() {
        return properties;
    }
}
