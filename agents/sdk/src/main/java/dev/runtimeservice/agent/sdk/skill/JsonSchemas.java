package dev.runtimeservice.agent.sdk.skill;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.lang.reflect.Field;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Derives a JSON schema from a skill's input or output type, so the schema an agent publishes is the type its
 * handler really reads: records become objects (property names as Jackson writes them, required when the component
 * is primitive or marked {@code @NotNull}, {@code @NotBlank} or {@code @NotEmpty}; {@code @JsonIgnore} ones left
 * out, {@code @JsonUnwrapped} ones inlined), collections arrays, maps objects.
 */
final class JsonSchemas {

    private static final List<String> REQUIRED_MARKS = List.of("NotNull", "NotBlank", "NotEmpty");

    private JsonSchemas() {}

    static Map<String, Object> of(Type type) {
        return schema(type, 0);
    }

    private static Map<String, Object> schema(Type type, int depth) {
        if (type instanceof ParameterizedType parameterized) {
            return parameterized(parameterized, depth);
        }
        if (!(type instanceof Class<?> type1) || type1 == Object.class || JsonNode.class.isAssignableFrom(type1)) {
            return Map.of(); // any JSON value: an Object reads a string, a number or a list as well as an object
        }
        Optional<String> simple = simpleType(type1);
        if (simple.isPresent()) {
            return Map.of("type", simple.get());
        }
        if (type1.isEnum()) {
            return Map.of(
                    "type",
                    "string",
                    "enum",
                    List.of(type1.getEnumConstants()).stream()
                            .map(Object::toString)
                            .toList());
        }
        if (type1.isRecord() && depth < 6) {
            return record(type1, depth);
        }
        return Map.of("type", "object");
    }

    private static Map<String, Object> parameterized(ParameterizedType type, int depth) {
        Type raw = type.getRawType();
        Type[] arguments = type.getActualTypeArguments();
        if (raw instanceof Class<?> rawClass && Collection.class.isAssignableFrom(rawClass)) {
            return Map.of("type", "array", "items", schema(arguments[0], depth + 1));
        }
        if (raw instanceof Class<?> rawClass && Map.class.isAssignableFrom(rawClass)) {
            return Map.of("type", "object", "additionalProperties", schema(arguments[1], depth + 1));
        }
        if (raw == Optional.class) {
            return schema(arguments[0], depth);
        }
        return schema(raw, depth);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> record(Class<?> type, int depth) {
        Map<String, Object> properties = new LinkedHashMap<>();
        List<String> required = new ArrayList<>();
        for (RecordComponent component : type.getRecordComponents()) {
            Field field = field(type, component.getName());
            if (field.isAnnotationPresent(JsonIgnore.class)) {
                // Not in the JSON: a value only the agent's own REST controllers hand in (a request body's stream).
                continue;
            }
            if (field.isAnnotationPresent(JsonUnwrapped.class)
                    && component.getType().isRecord()) {
                // Its fields stand at this level in the JSON, so they do in the schema.
                Map<String, Object> inner = record(component.getType(), depth + 1);
                properties.putAll((Map<String, Object>) inner.get("properties"));
                required.addAll((List<String>) inner.getOrDefault("required", List.of()));
                continue;
            }
            String name = jsonName(component.getName(), field);
            properties.put(name, schema(component.getGenericType(), depth + 1));
            if (component.getType().isPrimitive() || isMarkedRequired(field)) {
                required.add(name);
            }
        }
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", "object");
        schema.put("properties", properties);
        if (!required.isEmpty()) {
            schema.put("required", required);
        }
        return schema;
    }

    private static Field field(Class<?> type, String name) {
        try {
            return type.getDeclaredField(name);
        } catch (NoSuchFieldException impossible) {
            throw new IllegalStateException("A record component without its field: " + name, impossible);
        }
    }

    private static String jsonName(String name, Field field) {
        JsonProperty property = field.getAnnotation(JsonProperty.class);
        return property != null && !property.value().isEmpty() ? property.value() : name;
    }

    private static boolean isMarkedRequired(Field field) {
        for (var annotation : field.getAnnotations()) {
            if (REQUIRED_MARKS.contains(annotation.annotationType().getSimpleName())) {
                return true;
            }
        }
        return false;
    }

    private static Optional<String> simpleType(Class<?> type) {
        if (type == String.class
                || type == Character.class
                || type == char.class
                || CharSequence.class.isAssignableFrom(type)
                || type.getName().startsWith("java.time.")
                || type == java.nio.file.Path.class
                || type == java.net.URI.class) {
            return Optional.of("string");
        }
        if (type == boolean.class || type == Boolean.class) {
            return Optional.of("boolean");
        }
        if (type == int.class
                || type == long.class
                || type == short.class
                || type == Integer.class
                || type == Long.class
                || type == Short.class
                || type == java.math.BigInteger.class) {
            return Optional.of("integer");
        }
        if (type == double.class || type == float.class || Number.class.isAssignableFrom(type)) {
            return Optional.of("number");
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return Optional.of("array");
        }
        return Optional.empty();
    }
}
