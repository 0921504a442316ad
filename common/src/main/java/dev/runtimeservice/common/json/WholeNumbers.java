package dev.runtimeservice.common.json;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * An agent's data as the A2A Java client hands it over, with whole numbers as integers again: the client reads JSON
 * numbers as doubles, so an agent's {@code "total": 3} would be passed on as {@code 3.0}, by the manager's MCP tools
 * and the orchestrator's answers alike. JSON does not tell 3 from 3.0, and an integer in a skill's output schema reads
 * better and matches {@code "type": "integer"} in every validator.
 */
public final class WholeNumbers {

    private static final double LONG_RANGE = 0x1p63;

    private WholeNumbers() {}

    /** A copy of {@code value} whose maps and lists hold whole doubles as longs; other values are kept. */
    public static @Nullable Object of(@Nullable Object value) {
        if (value instanceof Double number && number == Math.rint(number) && Math.abs(number) < LONG_RANGE) {
            return number.longValue();
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, @Nullable Object> copy = new LinkedHashMap<>();
            map.forEach((key, entry) -> copy.put(key, of(entry)));
            return copy;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(WholeNumbers::of).toList();
        }
        return value;
    }
}
