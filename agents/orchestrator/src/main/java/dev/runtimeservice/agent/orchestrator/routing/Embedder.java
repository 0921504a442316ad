package dev.runtimeservice.agent.orchestrator.routing;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import dev.runtimeservice.agent.sdk.lifecycle.LoadedOnFirstUse;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The all-MiniLM-L6-v2 model (quantised, from its jar; nothing downloaded) with a cache of what it embedded. The
 * first instruction loads the model (about 0.9 s on an idle machine, 80 MB of native memory) rather than the start:
 * the orchestrator ends its launch call, which waits for it, and an orchestrator that is never asked never holds it.
 */
@Component
public class Embedder {

    private static final int MAX_CACHED = 10_000;

    private final LoadedOnFirstUse<EmbeddingModel> model =
            new LoadedOnFirstUse<>("the embedding model", AllMiniLmL6V2QuantizedEmbeddingModel::new);
    private final Map<String, float[]> cache = new ConcurrentHashMap<>();

    /** The text's unit-length vector. */
    public float[] embed(String text) {
        float[] cached = cache.get(text);
        if (cached != null) {
            return cached;
        }
        float[] vector = model.get().embed(text).content().vector();
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
