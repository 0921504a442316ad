package dev.runtimeservice.agent.kendra.index;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.DoublePoint;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** How an {@link IndexedDocument} maps onto Lucene fields, and back. */
public final class DocumentFields {

    /** The exact-match id field. */
    public static final String ID = "id";
    /** The exact-match language field. */
    public static final String LANGUAGE = "language";
    /** The embedding of title and text. */
    public static final String VECTOR = "vector";
    /** The analyzed fields, before their language suffix. */
    public static final List<String> TEXT_FIELDS = List.of("title", "text");

    private static final String URI = "uri";
    private static final String METADATA = "metadata";
    private static final String KEYWORD_PREFIX = "m.";
    private static final String NUMBER_PREFIX = "n.";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final FieldType TEXT_TYPE = textType();

    private DocumentFields() {}

    /**
     * Names an analyzed field for a language.
     *
     * @param base {@code title} or {@code text}
     * @param language the document's analysis
     * @return such as {@code text_es}
     */
    public static String field(String base, TextLanguage language) {
        return base + "_" + language.suffix();
    }

    /**
     * Names the exact-match field of a metadata key.
     *
     * @param key the metadata key
     * @return the field name
     */
    public static String keywordField(String key) {
        return KEYWORD_PREFIX + key;
    }

    /**
     * Names the numeric field of a metadata key.
     *
     * @param key the metadata key
     * @return the field name
     */
    public static String numberField(String key) {
        return NUMBER_PREFIX + key;
    }

    /**
     * Returns the exact-match form of a metadata value.
     *
     * @param value a string, number or boolean
     * @return numbers without a trailing {@code .0}; other values as text
     */
    public static String keyword(Object value) {
        if (value instanceof Number number) {
            return new BigDecimal(number.toString()).stripTrailingZeros().toPlainString();
        }
        return value.toString();
    }

    /**
     * Builds the Lucene document.
     *
     * @param document the document
     * @param vector its embedding
     * @return the fields to index
     */
    public static Document toLucene(IndexedDocument document, float[] vector) {
        Document lucene = new Document();
        TextLanguage analysis = TextLanguage.of(document.language());
        lucene.add(new StringField(ID, document.id(), Field.Store.YES));
        lucene.add(new StringField(LANGUAGE, document.language(), Field.Store.YES));
        if (document.title() != null) {
            lucene.add(new Field(field("title", analysis), document.title(), TEXT_TYPE));
        }
        lucene.add(new Field(field("text", analysis), document.text(), TEXT_TYPE));
        if (document.uri() != null) {
            lucene.add(new StoredField(URI, document.uri()));
        }
        lucene.add(new StoredField(METADATA, JSON.writeValueAsString(document.metadata())));
        document.metadata().forEach((key, value) -> addMetadata(lucene, key, value));
        lucene.add(new KnnFloatVectorField(VECTOR, vector, VectorSimilarityFunction.COSINE));
        return lucene;
    }

    /**
     * Reads a stored document back.
     *
     * @param lucene the stored fields of a hit
     * @return the document as it was ingested
     */
    public static IndexedDocument fromLucene(Document lucene) {
        TextLanguage analysis = TextLanguage.of(lucene.get(LANGUAGE));
        Map<String, Object> metadata = JSON.readValue(lucene.get(METADATA), new TypeReference<>() {});
        return new IndexedDocument(
                lucene.get(ID),
                lucene.get(field("title", analysis)),
                lucene.get(field("text", analysis)),
                lucene.get(URI),
                lucene.get(LANGUAGE),
                metadata);
    }

    private static void addMetadata(Document lucene, String key, @Nullable Object value) {
        if (value instanceof List<?> values) {
            values.forEach(item -> addMetadata(lucene, key, item));
        } else if (value != null) {
            lucene.add(new StringField(keywordField(key), keyword(value), Field.Store.NO));
            if (value instanceof Number number) {
                lucene.add(new DoublePoint(numberField(key), number.doubleValue()));
            }
        }
    }

    private static FieldType textType() {
        FieldType type = new FieldType();
        type.setTokenized(true);
        type.setStored(true);
        // Offsets in the postings let the highlighter skip re-analysing every hit.
        type.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        type.freeze();
        return type;
    }
}
