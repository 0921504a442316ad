package dev.runtimeservice.agent.orchestrator.routing;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/** The all-MiniLM-L6-v2 model (quantised, from its jar; nothing downloaded) with a cache of what it embedded. */
@Component
public class Embedder {

    private static final int MAX_CACHED = 10_000;

    private final EmbeddingModel model = new AllMiniLmL6V2QuantizedEmbeddingModel();
    private final Map<String, float[]> cache = new ConcurrentHashMap<>();

    /** The text's unit-length vector. */
    public float[] embed(String text) {
        float[] cached = cache.get(text);
        if (cached != null) {
            return cached;
        }
        float[] vector = model.embed(text).content().vector();
        if (cache.size() < MAX_CACHED) {
            cache.put(text, vector);
        }
        return vector;
    }

    /** The cosine of two vectors of the model. */
    public static double cosine(float[] a, float[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return na == 0 || nb == 0 ? 0 : dot / Math.sqrt(na * nb);
    }
}
