package dev.runtimeservice.agent.orchestrator.delegation;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** A skill call that could not be made or did not succeed: its status says which kind, its message what to do. */
public class DelegationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final HttpStatus status;
    private final transient Map<String, Object> properties = new LinkedHashMap<>();

    /**
     * Creates the exception.
     *
     * @param status 422 (the instruction lacks an input), 502 (the agent failed the task or the call failed), 503
     *     (the agent does not accept connections), 504 (no answer in time)
     * @param message what happened and what to do
     */
    public DelegationException(HttpStatus status, String message) {
        super(message);
        this.status = status;
    }

    DelegationException with(String name, Object value) {
        properties.put(name, value);
        return this;
    }

    /** @return the kind of failure, as an HTTP status */
    public HttpStatus status() {
        return status;
    }

    /** @return extra facts for the caller (the agent's task id and state, say) */
    public Map<String, Object> properties() {
        return properties;
    }
}
