package dev.sluice.llm.schema;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Duration;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Holds the current {@link SchemaCatalog} and the {@link SchemaRetriever} built over it, and rebuilds
 * both when the snapshot is older than {@code maxAge} or on {@link #refresh()}. While a rebuild runs,
 * other callers keep getting the previous retriever; only the first call waits for one.
 */
public final class RefreshingCatalog {
    private final Supplier<SchemaCatalog> reader;
    private final Function<SchemaCatalog, SchemaRetriever> indexer;
    private final Clock clock;
    private final Duration maxAge;
    private final Object rebuildLock = new Object();
    private volatile SchemaRetriever current;

    public RefreshingCatalog(Supplier<SchemaCatalog> reader, Function<SchemaCatalog, SchemaRetriever> indexer,
            Clock clock, Duration maxAge) {
        this.reader = requireNonNull(reader, "reader is null");
        this.indexer = requireNonNull(indexer, "indexer is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.maxAge = requireNonNull(maxAge, "maxAge is null");
        if (maxAge.isNegative()) {
            throw new IllegalArgumentException("maxAge must not be negative, got " + maxAge);
        }
    }

    /** The retriever over a snapshot no older than {@code maxAge}; rebuilds first when it is older. */
    public SchemaRetriever retriever() {
        SchemaRetriever r = current;
        if (r != null && !stale(r)) {
            return r;
        }
        synchronized (rebuildLock) {
            r = current;
            if (r == null || stale(r)) {
                r = rebuild();
            }
            return r;
        }
    }

    /** Reads the source again and rebuilds the index now. */
    public SchemaRetriever refresh() {
        synchronized (rebuildLock) {
            return rebuild();
        }
    }

    private SchemaRetriever rebuild() {
        SchemaRetriever r = indexer.apply(reader.get());
        current = r;
        return r;
    }

    private boolean stale(SchemaRetriever r) {
        return r.catalog().takenAt().plus(maxAge).isBefore(clock.instant());
    }
}
