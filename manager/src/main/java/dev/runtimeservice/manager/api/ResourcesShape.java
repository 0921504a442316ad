package dev.runtimeservice.manager.api;

import dev.runtimeservice.manager.error.InvalidRequestException;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.Map;

/**
 * Checks that a launch's resources stay within the configured number of keys and depth, before any of it is
 * copied, digested or written: a resources object of 100,000 keys would otherwise be copied under the agent's
 * lock and listed in every answer.
 */
public final class ResourcesShape {

    private ResourcesShape() {}

    /** Throws a 400 naming the limit and its setting when {@code resources} passes one. */
    public static void check(Map<String, Object> resources, int maxKeys, int maxDepth) {
        Deque<Object> pending = new ArrayDeque<>();
        Deque<Integer> depths = new ArrayDeque<>();
        pending.push(resources);
        depths.push(1);
        long keys = 0;
        while (!pending.isEmpty()) {
            Object value = pending.pop();
            int depth = depths.pop();
            Collection<?> children =
                    value instanceof Map<?, ?> map ? map.values() : value instanceof Collection<?> list ? list : null;
            if (children == null) {
                continue;
            }
            if (depth > maxDepth) {
                throw new InvalidRequestException("resources nest objects and arrays deeper than " + maxDepth
                        + " levels (runtime.security.max-resource-depth); flatten them.");
            }
            keys += value instanceof Map<?, ?> map ? map.size() : 0;
            if (keys > maxKeys) {
                throw new InvalidRequestException("resources hold more than " + maxKeys + " keys in all "
                        + "(runtime.security.max-resource-keys); pass large data to the agent another way, "
                        + "such as a file it reads.");
            }
            for (Object child : children) {
                pending.push(child);
                depths.push(depth + 1);
            }
        }
    }
}
