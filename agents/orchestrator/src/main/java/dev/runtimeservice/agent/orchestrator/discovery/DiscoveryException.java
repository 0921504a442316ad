package dev.runtimeservice.agent.orchestrator.discovery;

/** The manager or an agent's card could not be read; the message says which and why. */
public class DiscoveryException extends RuntimeException {

    DiscoveryException(String message) {
        super(message);
    }
}
