package dev.runtimeservice.agent.kendra.embedding;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.util.List;

/**
 * Turns text into unit vectors with all-MiniLM-L6-v2 (quantised), which runs in process from the
 * model file inside its Maven jar; an English model, weaker on Spanish.
 */
public final class TextEmbedder {

    /** The model's name, as the README and the index stats give it. */
    public static final String MODEL_NAME = "all-MiniLM-L6-v2 (quantised, ONNX, in process)";

    private final EmbeddingModel model;

    /** Loads the model from the class path. */
    public TextEmbedder() {
        this.model = new AllMiniLmL6V2QuantizedEmbeddingModel();
    }

    /**
     * Returns the length of the vectors.
     *
     * @return 384
     */
    public int dimensions() {
        return model.dimension();
    }

    /**
     * Embeds one text.
     *
     * @param text the text
     * @return its vector
     */
    public float[] embed(String text) {
        return model.embed(text).content().vector();
    }

    /**
     * Embeds several texts at once, in parallel where the model can.
     *
     * @param texts the texts
     * @return their vectors, in the same order
     */
    public List<float[]> embedAll(List<String> texts) {
        List<TextSegment> segments = texts.stream().map(TextSegment::from).toList();
        return model.embedAll(segments).content().stream().map(Embedding::vector).toList();
    }
}
