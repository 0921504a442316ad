package dev.runtimeservice.manager.resources;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A launch's resources, copied once when the request arrives, before any agent's lock is taken: an unmodifiable deep
 * copy with its fingerprint, its sorted names and its secret values worked out. Every launch, restart and list
 * answer of the request then shares it, and nothing copies or digests the values while holding a lock.
 */
public final class ResourcesSnapshot {

    /** No resources, and no fingerprint: a launch that ended before this manager started and left none behind. */
    public static final ResourcesSnapshot NONE = new ResourcesSnapshot(Map.of(), "");

    private final Map<String, Object> values;
    private final String fingerprint;
    private final List<String> names;
    private final List<String> secrets;

    private ResourcesSnapshot(Map<String, Object> values, String fingerprint) {
        this.values = values;
        this.fingerprint = fingerprint;
        this.names = values.keySet().stream().sorted().toList();
        this.secrets = SecretRedactor.secretsIn(values);
    }

    /** Copies {@code values} (JSON: maps, lists, strings, numbers, booleans and nulls) and digests the copy. */
    public static ResourcesSnapshot of(Map<String, Object> values, ResourcesFingerprint fingerprint) {
        Map<String, Object> copy = copyOf(values);
        return new ResourcesSnapshot(copy, fingerprint.of(copy));
    }

    /** The values, unmodifiable at every level; never shown, logged or serialised but into the agent's file. */
    public Map<String, Object> values() {
        return values;
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    /** A digest that does not depend on key order; tells whether a launch brings other resources. */
    public String fingerprint() {
        return fingerprint;
    }

    /** The top-level names, sorted: all that a list answer shows of them. */
    public List<String> names() {
        return names;
    }

    /** The values the log redactor masks while the launch lives, longest first. */
    List<String> secrets() {
        return secrets;
    }

    /** Names only: the values may be secrets. */
    @Override
    public String toString() {
        return "resources " + names;
    }

    private static Map<String, Object> copyOf(Map<?, ?> map) {
        // LinkedHashMap and ArrayList rather than Map.copyOf and List.copyOf: JSON values may be null.
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((key, value) -> copy.put(String.valueOf(key), copyOfValue(value)));
        return Collections.unmodifiableMap(copy);
    }

    private static @Nullable Object copyOfValue(@Nullable Object value) {
        if (value instanceof Map<?, ?> map) {
            return copyOf(map);
        }
        if (value instanceof Collection<?> items) {
            List<Object> copy = new ArrayList<>(items.size());
            items.forEach(item -> copy.add(copyOfValue(item)));
            return Collections.unmodifiableList(copy);
        }
        return value;
    }
}
