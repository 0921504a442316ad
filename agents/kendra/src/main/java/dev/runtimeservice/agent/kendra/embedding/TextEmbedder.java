package dev.runtimeservice.agent.kendra.embedding;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import dev.runtimeservice.agent.sdk.lifecycle.LoadedOnFirstUse;
import java.util.List;

/**
 * Turns text into unit vectors with all-MiniLM-L6-v2 (quantised), which runs in process from the
 * model file inside its Maven jar; an English model, weaker on Spanish. The model is loaded by the first
 * ingest or semantic search (about 0.9 s on an idle machine, 80 MB of native memory), so kendra is ready
 * sooner and an agent only searched by keyword never holds it.
 */
public final class TextEmbedder {

    /** The model's name, as the README and the index stats give it. */
    public static final String MODEL_NAME = "all-MiniLM-L6-v2 (quantised, ONNX, in process)";

    private final LoadedOnFirstUse<EmbeddingModel> model =
            new LoadedOnFirstUse<>("the embedding model", AllMiniLmL6V2QuantizedEmbeddingModel::new);

    /**
     * Embeds one text.
     *
     * @param text the text
     * @return its vector
     */
    public float[] embed(String text) {
        return model.get().embed(text).content().vector();
    }

    /**
     * Embeds several texts at once, in parallel where the model can.
     *
     * @param texts the texts
     * @return their vectors, in the same order
     */
    public List<float[]> embedAll(List<String> texts) {
        List<TextSegment> segments = texts.stream().map(TextSegment::from).toList();
        return model.get().embedAll(segments).content().stream()
                .map(Embedding::vector)
                .toList();
    }
}
