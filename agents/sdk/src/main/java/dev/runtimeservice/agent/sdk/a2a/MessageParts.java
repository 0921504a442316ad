package dev.runtimeservice.agent.sdk.a2a;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Reads what a client's message asks for: the skill it names and its data part. */
final class MessageParts {

    private static final String SKILL = "skill";

    private MessageParts() {}

    static Optional<String> skillName(Message message) {
        Optional<String> fromMetadata = named(message.metadata());
        if (fromMetadata.isPresent()) {
            return fromMetadata;
        }
        for (Part part : message.partsOrEmpty()) {
            Optional<String> name = named(part.metadata());
            if (name.isEmpty() && part.data() instanceof Map<?, ?> data) {
                name = named(data);
            }
            if (name.isPresent()) {
                return name;
            }
        }
        return Optional.empty();
    }

    /** The first data part's value; when it names the skill, its {@code input} or the rest of it. */
    static Optional<Object> data(Message message) {
        return message.partsOrEmpty().stream()
                .filter(p -> p.data() != null)
                .findFirst()
                .map(p -> input(p.data()));
    }

    private static Object input(Object data) {
        if (!(data instanceof Map<?, ?> map) || !(map.get(SKILL) instanceof String)) {
            return data;
        }
        if (map.containsKey("input")) {
            return map.get("input");
        }
        Map<Object, Object> rest = new LinkedHashMap<>(map);
        rest.remove(SKILL);
        return rest;
    }

    private static Optional<String> named(Map<?, ?> metadata) {
        return metadata != null && metadata.get(SKILL) instanceof String name && !name.isBlank()
                ? Optional.of(name.trim())
                : Optional.empty();
    }
}
