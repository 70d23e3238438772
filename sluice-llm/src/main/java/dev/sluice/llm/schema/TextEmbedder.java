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

    /**
     * The bundled all-MiniLM-L6-v2 (quantised) model. It loads (about a second) on the first
     * embedding, not here, so a server whose schemas fit the prompt whole never pays for it.
     */
    static TextEmbedder miniLm() {
        return new TextEmbedder() {
            @Override
            public float[] embed(String text) {
                return MiniLmEmbedder.instance().embed(text);
            }

            @Override
            public List<float[]> embedAll(List<String> texts) {
                return MiniLmEmbedder.instance().embedAll(texts);
            }
        };
    }
}
