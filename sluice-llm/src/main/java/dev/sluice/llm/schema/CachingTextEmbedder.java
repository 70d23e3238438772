package dev.sluice.llm.schema;

import static java.util.Objects.requireNonNull;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Remembers the vectors of the last {@code capacity} texts passed to {@link #embed} (least recently
 * used out): the text-to-SQL repair loop and clients retrying a question ask for the same question
 * again. {@link #embedAll} (index building) bypasses the cache. Safe for concurrent use; two threads
 * missing the same text both compute it. Callers get a copy, so they may modify the array.
 */
final class CachingTextEmbedder implements TextEmbedder {
    private final TextEmbedder delegate;
    private final Map<String, float[]> cache;

    CachingTextEmbedder(TextEmbedder delegate, int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1: " + capacity);
        }
        this.delegate = requireNonNull(delegate, "delegate is null");
        this.cache = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
                return size() > capacity;
            }
        };
    }

    @Override
    public float[] embed(String text) {
        float[] hit;
        synchronized (cache) {
            hit = cache.get(text);
        }
        if (hit == null) {
            hit = delegate.embed(text);
            synchronized (cache) {
                cache.put(text, hit);
            }
        }
        return hit.clone();
    }

    @Override
    public List<float[]> embedAll(List<String> texts) {
        return delegate.embedAll(texts);
    }

    int size() {
        synchronized (cache) {
            return cache.size();
        }
    }
}
