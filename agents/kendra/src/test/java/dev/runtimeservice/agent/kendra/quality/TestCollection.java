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
import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The team's test collections: {@code src/test/resources/collection} (the first one, 66 documents and 44
 * queries) and {@code src/test/resources/hard-collection} (67 documents and 40 queries written to be hard:
 * paraphrases, keyword traps and answers only in the other language), each with documents and judged queries.
 */
public final class TestCollection {

    /** The first collection's folder. */
    public static final String CURRENT = "collection";
    /** The hard collection's folder. */
    public static final String HARD = "hard-collection";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * A query with its judgements.
     *
     * @param id the query id
     * @param language the query's language
     * @param kind what makes it hard, in the hard collection ({@code paraphrase}, {@code trap},
     *     {@code cross} or {@code plain}); {@code null} in the first collection
     * @param query the text
     * @param relevant graded relevance by document id: in the first collection 2 answers the query and 1 is
     *     related; in the hard one 3 answers it, 2 answers part of it, 1 is related
     */
    public record Query(
            String id, String language, @Nullable String kind, String query, Map<String, Integer> relevant) {}

    private TestCollection() {}

    /**
     * Reads the first collection's documents.
     *
     * @return the 66 documents
     */
    public static List<IndexedDocument> documents() {
        return documents(CURRENT);
    }

    /**
     * Reads the first collection's queries.
     *
     * @return the 44 queries
     */
    public static List<Query> queries() {
        return queries(CURRENT);
    }

    /**
     * Reads a collection's documents.
     *
     * @param collection {@link #CURRENT} or {@link #HARD}
     * @return its documents
     */
    public static List<IndexedDocument> documents(String collection) {
        return lines(collection, "documents.jsonl", new TypeReference<IndexedDocument>() {});
    }

    /**
     * Reads a collection's queries.
     *
     * @param collection {@link #CURRENT} or {@link #HARD}
     * @return its judged queries
     */
    public static List<Query> queries(String collection) {
        return lines(collection, "queries.jsonl", new TypeReference<Query>() {});
    }

    private static <T> List<T> lines(String collection, String name, TypeReference<T> type) {
        try (InputStream in = TestCollection.class.getResourceAsStream("/" + collection + "/" + name)) {
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
