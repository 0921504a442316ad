package dev.runtimeservice.manager.error;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * Root of every error the manager reports to a caller. Each subclass is named for what the caller can do
 * about it and carries the HTTP status and the extra problem+json properties it is answered with.
 */
public abstract class RuntimeServiceException extends RuntimeException {

    private final HttpStatus status;
    private final String title;
    private final Map<String, Object> properties = new LinkedHashMap<>();

    protected RuntimeServiceException(HttpStatus status, String title, String detail) {
        super(detail);
        this.status = status;
        this.title = title;
    }

    public HttpStatus status() {
        return status;
    }

    public String title() {
        return title;
    }

    /** Extra members of the problem+json answer, such as the agent's name or its last log lines. */
    public Map<String, Object> properties() {
        return properties;
    }

    /** Adds a member to the problem+json answer and returns this exception. */
    public RuntimeServiceException with(String name, Object value) {
        properties.put(name, value);
        return this;
    }
}
