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
     * The bundled all-MiniLM-L6-v2 (quantised) model, remembering the last 256 question vectors
     * ({@link #miniLm(int)}). It loads (about a second) on the first embedding, not here, so a server
     * whose schemas fit the prompt whole never pays for it.
     */
    static TextEmbedder miniLm() {
        return miniLm(256);
    }

    /**
     * The bundled all-MiniLM-L6-v2 (quantised) model with an LRU cache of the last {@code cacheSize}
     * texts given to {@link #embed} ({@code 0}: no cache). All instances share one model session.
     */
    static TextEmbedder miniLm(int cacheSize) {
        if (cacheSize < 0) {
            throw new IllegalArgumentException("cacheSize must not be negative: " + cacheSize);
        }
        TextEmbedder lazy = new TextEmbedder() {
            @Override
            public float[] embed(String text) {
                return MiniLmEmbedder.instance().embed(text);
            }

            @Override
            public List<float[]> embedAll(List<String> texts) {
                return MiniLmEmbedder.instance().embedAll(texts);
            }
        };
        return cacheSize == 0 ? lazy : new CachingTextEmbedder(lazy, cacheSize);
    }
}
