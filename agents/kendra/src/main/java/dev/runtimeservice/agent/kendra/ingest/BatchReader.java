package dev.runtimeservice.agent.kendra.ingest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.ObjectReader;

/** Reads a batch one document at a time, so that a batch of any size streams through. */
final class BatchReader {

    private final ObjectMapper mapper;
    private final ObjectReader element;

    BatchReader(ObjectMapper mapper) {
        this.mapper = mapper;
        // Each array element is read on its own from one shared parser: the next element is not trailing junk.
        this.element = mapper.readerFor(JsonNode.class).without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    /** Reads NDJSON: one document per line; a bad line is reported and the next lines still read. */
    void readLines(InputStream body, Consumer<BatchItem> sink) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
        long line = 0;
        for (String text = reader.readLine(); text != null; text = reader.readLine()) {
            line++;
            if (text.isBlank()) {
                continue;
            }
            try {
                sink.accept(new BatchItem.Parsed(line, mapper.readTree(text)));
            } catch (JacksonException e) {
                sink.accept(new BatchItem.Malformed(line, "line is not JSON: " + e.getOriginalMessage(), false));
            }
        }
    }

    /** Reads JSON: an array of documents, or an object whose "documents" field is that array. */
    void readJson(InputStream body, Consumer<BatchItem> sink) {
        long position = 0;
        try (JsonParser parser = mapper.createParser(body)) {
            if (!toArray(parser)) {
                sink.accept(new BatchItem.Malformed(0, DocumentBatch.NOT_A_BATCH, true));
                return;
            }
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                position++;
                JsonNode node = element.readValue(parser);
                sink.accept(new BatchItem.Parsed(position, node));
            }
        } catch (JacksonException e) {
            sink.accept(new BatchItem.Malformed(
                    Math.max(position, 1),
                    "the body stops being valid JSON here (" + e.getOriginalMessage()
                            + "); the documents after this point were not read",
                    true));
        }
    }

    private static boolean toArray(JsonParser parser) {
        JsonToken first = parser.nextToken();
        if (first == JsonToken.START_ARRAY) {
            return true;
        }
        if (first != JsonToken.START_OBJECT) {
            return false;
        }
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            if ("documents".equals(name)) {
                return value == JsonToken.START_ARRAY;
            }
            parser.skipChildren();
        }
        return false;
    }
}
