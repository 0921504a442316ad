package dev.runtimeservice.agent.kendra.quality;

import dev.runtimeservice.agent.kendra.index.IndexedDocument;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The team's test collection under {@code src/test/resources/collection}: documents and judged queries. */
public final class TestCollection {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * A query with its judgements.
     *
     * @param id the query id
     * @param language the query's language
     * @param query the text
     * @param relevant graded relevance by document id: 2 answers the query, 1 is related
     */
    public record Query(String id, String language, String query, Map<String, Integer> relevant) {
    }

    private TestCollection() {
    }

    /**
     * Reads the documents.
     *
     * @return the 66 documents
     */
    public static List<IndexedDocument> documents() {
        return lines("documents.jsonl", new TypeReference<IndexedDocument>() { });
    }

    /**
     * Reads the queries.
     *
     * @return the 44 queries
     */
    public static List<Query> queries() {
        return lines("queries.jsonl", new TypeReference<Query>() { });
    }

    private static <T> List<T> lines(String name, TypeReference<T> type) {
        try (InputStream in = TestCollection.class.getResourceAsStream("/collection/" + name)) {
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<T> items = new ArrayList<>();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank()) {
                    items.add(JSON.readValue(line, type));
                }
            }
            return items;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
