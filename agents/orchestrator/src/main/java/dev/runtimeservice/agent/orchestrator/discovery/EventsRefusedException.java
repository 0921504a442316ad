package dev.runtimeservice.agent.orchestrator.discovery;

/**
 * The manager answered, but not with its events: an older manager without {@code /api/events}, or one that refuses
 * this orchestrator's credentials for them. Unlike a manager that does not answer, polls may still work.
 */
class EventsRefusedException extends DiscoveryException {

    EventsRefusedException(String message) {
        super(message);
    }
}
