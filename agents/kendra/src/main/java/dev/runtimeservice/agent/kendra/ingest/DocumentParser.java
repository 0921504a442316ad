package dev.runtimeservice.agent.kendra.ingest;

import dev.runtimeservice.agent.kendra.index.IndexedDocument;
import dev.runtimeservice.agent.kendra.index.TextLanguage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** Checks one JSON document of a batch and turns it into an {@link IndexedDocument}. */
final class DocumentParser {

    static final int MAX_ID_LENGTH = 512;
    static final int MAX_TEXT_LENGTH = 1_000_000;

    private static final List<String> FIELDS = List.of("id", "title", "text", "uri", "language", "metadata");
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
    private static final Pattern LANGUAGE = Pattern.compile("[A-Za-z]{2,3}([-_][A-Za-z0-9]{1,8})*");

    private DocumentParser() {}

    /**
     * Reads the id of a document when it has a usable one, for error reports.
     *
     * @param node the JSON document
     * @return the id, or {@code null}
     */
    static @Nullable String idOf(JsonNode node) {
        JsonNode id = node.get("id");
        return id != null && id.isString() ? id.asString() : null;
    }

    static IndexedDocument parse(JsonNode node) {
        if (!node.isObject()) {
            throw new InvalidDocumentException("a document must be a JSON object with at least 'id' and 'text'");
        }
        for (String name : node.propertyNames()) {
            if (!FIELDS.contains(name)) {
                throw new InvalidDocumentException("unknown field '" + name + "'; the fields are " + FIELDS);
            }
        }
        String id = required(node, "id");
        if (id.length() > MAX_ID_LENGTH) {
            throw new InvalidDocumentException("'id' is longer than " + MAX_ID_LENGTH + " characters");
        }
        String text = required(node, "text");
        if (text.length() > MAX_TEXT_LENGTH) {
            throw new InvalidDocumentException(
                    "'text' is longer than " + MAX_TEXT_LENGTH + " characters; split the document into several");
        }
        return new IndexedDocument(
                id,
                optional(node, "title"),
                text,
                optional(node, "uri"),
                language(node, text),
                metadata(node.get("metadata")));
    }

    private static String required(JsonNode node, String field) {
        String value = optional(node, field);
        if (value == null) {
            throw new InvalidDocumentException("'" + field + "' is missing or blank; give it as a non-empty string");
        }
        return value;
    }

    private static @Nullable String optional(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            throw new InvalidDocumentException("'" + field + "' must be a string");
        }
        return value.asString().isBlank() ? null : value.asString();
    }

    private static String language(JsonNode node, String text) {
        String given = optional(node, "language");
        if (given == null) {
            String guessed = TextLanguage.guess(text);
            return guessed == null ? "und" : guessed;
        }
        if (!LANGUAGE.matcher(given).matches()) {
            throw new InvalidDocumentException("'language' must be a language code such as 'es' or 'en'");
        }
        return given.toLowerCase(java.util.Locale.ROOT);
    }

    private static Map<String, Object> metadata(@Nullable JsonNode node) {
        if (node == null || node.isNull()) {
            return Map.of();
        }
        if (!node.isObject()) {
            throw new InvalidDocumentException("'metadata' must be a JSON object");
        }
        Map<String, Object> metadata = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            if (!KEY.matcher(entry.getKey()).matches()) {
                throw new InvalidDocumentException(
                        "metadata key '" + entry.getKey() + "' must be 1 to 64 letters, digits, '_', '.' or '-'");
            }
            metadata.put(entry.getKey(), value(entry.getKey(), entry.getValue()));
        }
        return metadata;
    }

    private static Object value(String key, JsonNode node) {
        if (node.isArray()) {
            List<Object> values = new ArrayList<>();
            for (JsonNode item : node) {
                values.add(scalar(key, item));
            }
            return values;
        }
        return scalar(key, node);
    }

    private static Object scalar(String key, JsonNode node) {
        if (node.isString()) {
            return node.asString();
        }
        if (node.isBoolean()) {
            return node.asBoolean();
        }
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            return node.asLong();
        }
        if (node.isNumber()) {
            return node.asDouble();
        }
        throw new InvalidDocumentException(
                "metadata '" + key + "' must be a string, number, boolean or a list of them");
    }
}
