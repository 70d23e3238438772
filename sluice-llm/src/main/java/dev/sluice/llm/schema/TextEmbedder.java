package dev.sluice.llm.schema;

import java.util.ArrayList;
import java.util.List;

/** Maps text to a dense vector; implementations run in process and are safe to call from many threads. */
public interface TextEmbedder {
    /** The vector of {@code text}, L2-normalised, so a dot product is the cosine similarity. */
    float[] embed(String text);

    /** Vectors of many texts; implementations may batch. */
    default List<float[]> embedAll(List<String> texts) {
        List<float[]> out = new ArrayList<>(texts.size());
        texts.forEach(t -> out.add(embed(t)));
        return out;
    }

    /** The bundled all-MiniLM-L6-v2 (quantised) model; loads it (about a second) on first use. */
    static TextEmbedder miniLm() {
        return MiniLmEmbedder.instance();
    }
}
