package dev.runtimeservice.manager.error;

import java.nio.file.Path;
import org.springframework.http.HttpStatus;

/** An agent's {@code agent.yml} cannot be used as it is; the caller must fix the file. */
public class InvalidDescriptorException extends RuntimeServiceException {

    public InvalidDescriptorException(String agent, Path descriptor, String reason) {
        super(
                HttpStatus.UNPROCESSABLE_CONTENT,
                "Invalid agent descriptor",
                "The descriptor of agent " + agent + " (" + descriptor + ") is invalid: " + reason
                        + ". Fix the file and launch again.");
        with("agent", agent);
    }
}
