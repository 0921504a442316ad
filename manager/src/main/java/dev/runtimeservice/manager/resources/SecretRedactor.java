package dev.runtimeservice.manager.resources;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/**
 * Knows every resource value of the agents that run and masks them in any text the manager writes or
 * answers: agent output copied to logs, log tails, errors. So even an agent that prints its password
 * does not leak it through the manager.
 */
@Component
public class SecretRedactor {

    /** What a secret is replaced with. */
    public static final String MASK = "******";
    /** Shorter values are too common in ordinary text to be masked without garbling it. */
    static final int MIN_LENGTH = 3;

    private final Map<String, List<String>> secretsByLaunch = new ConcurrentHashMap<>();

    /** Remembers the values of one launch's resources. */
    public void register(String launchId, Map<String, Object> resources) {
        register(launchId, secretsIn(resources));
    }

    /** Remembers the values of one launch's resources, worked out when the snapshot was made. */
    public void register(String launchId, ResourcesSnapshot resources) {
        register(launchId, resources.secrets());
    }

    private void register(String launchId, List<String> secrets) {
        if (!secrets.isEmpty()) {
            secretsByLaunch.put(launchId, secrets);
        }
    }

    /** The string values in {@code resources} long enough to be masked, longest first. */
    static List<String> secretsIn(Map<String, Object> resources) {
        return leaves(resources)
                .filter(value -> value.length() >= MIN_LENGTH)
                .distinct()
                .sorted(Comparator.comparingInt(String::length).reversed())
                .toList();
    }

    /** Forgets one launch's values once its agent is gone. */
    public void forget(String launchId) {
        secretsByLaunch.remove(launchId);
    }

    /** The text with every known secret value replaced by {@link #MASK}. */
    public String redact(String text) {
        String result = text;
        for (List<String> secrets : secretsByLaunch.values()) {
            for (String secret : secrets) {
                if (result.contains(secret)) {
                    result = result.replace(secret, MASK);
                }
            }
        }
        return result;
    }

    /**
     * Where to cut a long line at or after {@code wanted} so that no whole secret in it is cut in two: {@code wanted}
     * itself, or the end of a secret that spans it. Text after the cut must be kept for the next piece, at least
     * {@link #longest()} - 1 characters of it, so that a secret begun there is found whole.
     */
    public int cutOutsideSecrets(CharSequence text, int wanted) {
        String whole = text.toString();
        int cut = wanted;
        boolean moved = true;
        while (moved) {
            moved = false;
            for (List<String> secrets : secretsByLaunch.values()) {
                for (String secret : secrets) {
                    int found = whole.indexOf(secret, Math.max(0, cut - secret.length() + 1));
                    if (found >= 0 && found < cut && found + secret.length() > cut) {
                        cut = found + secret.length();
                        moved = true;
                    }
                }
            }
        }
        return cut;
    }

    /** The length of the longest secret known, 0 if none. */
    public int longest() {
        int longest = 0;
        for (List<String> secrets : secretsByLaunch.values()) {
            // Each list is sorted longest first.
            longest = Math.max(longest, secrets.get(0).length());
        }
        return longest;
    }

    /** Every line redacted. */
    public List<String> redact(Collection<String> lines) {
        return lines.stream().map(this::redact).toList();
    }

    private static Stream<String> leaves(Object value) {
        if (value instanceof Map<?, ?> map) {
            return map.values().stream().flatMap(SecretRedactor::leaves);
        }
        if (value instanceof Collection<?> items) {
            return items.stream().flatMap(SecretRedactor::leaves);
        }
        // Numbers and booleans are left alone: masking "8001" or "true" everywhere would garble the logs.
        return value instanceof String text ? Stream.of(text) : Stream.empty();
    }
}
