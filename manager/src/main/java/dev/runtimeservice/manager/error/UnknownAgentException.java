package dev.runtimeservice.manager.error;

import java.util.Collection;
import org.springframework.http.HttpStatus;

/** The request names an agent that has no folder with an {@code agent.yml} in the catalog. */
public class UnknownAgentException extends RuntimeServiceException {

    public UnknownAgentException(Collection<String> unknown, Collection<String> known) {
        super(
                HttpStatus.NOT_FOUND,
                "Unknown agent",
                "No agent named " + String.join(", ", unknown) + " in the catalog. Known agents: "
                        + (known.isEmpty() ? "none" : String.join(", ", known))
                        + ". To add one, create a folder with an agent.yml under AGENTS_DIR.");
        with("unknown", unknown);
        with("known", known);
    }
}
