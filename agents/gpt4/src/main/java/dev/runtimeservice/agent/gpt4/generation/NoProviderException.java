package dev.runtimeservice.agent.gpt4.generation;

import org.springframework.http.HttpStatus;

/** No provider is configured: the message says how to configure one. */
public final class NoProviderException extends GenerationException {

    /**
     * Creates the exception.
     *
     * @param howToConfigure what the operator must set
     */
    public NoProviderException(String howToConfigure) {
        super(HttpStatus.SERVICE_UNAVAILABLE, howToConfigure);
    }
}
