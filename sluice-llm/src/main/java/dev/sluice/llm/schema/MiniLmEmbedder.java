package dev.sluice.llm.schema;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.util.ArrayList;
import java.util.List;

/**
 * Sentence-transformers all-MiniLM-L6-v2, int8-quantised, run by ONNX Runtime from the model file in
 * the langchain4j jar: 384 dimensions, English-trained, no network. One shared instance.
 */
final class MiniLmEmbedder implements TextEmbedder {
    private static final class Holder {
        static final MiniLmEmbedder INSTANCE = new MiniLmEmbedder(new AllMiniLmL6V2QuantizedEmbeddingModel());
    }

    private final EmbeddingModel model;

    private MiniLmEmbedder(EmbeddingModel model) {
        this.model = model;
    }

    static MiniLmEmbedder instance() {
        return Holder.INSTANCE;
    }

    @Override
    public float[] embed(String text) {
        return normalise(model.embed(text.isBlank() ? "?" : text).content().vector());
    }

    @Override
    public List<float[]> embedAll(List<String> texts) {
        List<TextSegment> segments = texts.stream().map(t -> TextSegment.from(t.isBlank() ? "?" : t)).toList();
        List<float[]> out = new ArrayList<>(texts.size());
        model.embedAll(segments).content().forEach(e -> out.add(normalise(e.vector())));
        return out;
    }

    static float[] normalise(float[] v) {
        double sum = 0;
        for (float x : v) {
            sum += x * x;
        }
        double norm = Math.sqrt(sum);
        if (norm == 0) {
            return v;
        }
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = (float) (v[i] / norm);
        }
        return out;
    }
}
