package dev.runtimeservice.manager.security;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.stereotype.Component;

/**
 * How many request bodies each client address is sending now. A thread waits while a body arrives, so one client
 * may be sending at most {@code runtime.security.max-bodies-per-client} at once; a slot is given back as soon as
 * its body has arrived, so long launches do not count.
 */
@Component
class BodySlots {

    private final int maxPerClient;
    private final ConcurrentHashMap<String, Integer> sending = new ConcurrentHashMap<>();

    BodySlots(SecurityProperties properties) {
        this.maxPerClient = properties.maxBodiesPerClient();
    }

    int maxPerClient() {
        return maxPerClient;
    }

    /** A slot for one body of {@code client}, or empty if it already sends as many as it may. */
    Optional<Runnable> take(String client) {
        if (sending.merge(client, 1, Integer::sum) > maxPerClient) {
            release(client);
            return Optional.empty();
        }
        AtomicBoolean released = new AtomicBoolean();
        return Optional.of(() -> {
            if (released.compareAndSet(false, true)) {
                release(client);
            }
        });
    }

    private void release(String client) {
        sending.computeIfPresent(client, (key, count) -> count == 1 ? null : count - 1);
    }
}
